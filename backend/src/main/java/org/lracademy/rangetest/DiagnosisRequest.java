package org.lracademy.rangetest;

import java.util.List;
import org.lracademy.spec.Checks;

/**
 * A loss curve to diagnose.
 *
 * @param losses the loss at each point: from 4 to 100 000 points; {@code null} where the loss was not finite
 * @param steps optional: the step of each point, as many as {@code losses}, finite and strictly increasing;
 *     0, 1, 2, … when left out
 */
public record DiagnosisRequest(List<Double> losses, List<Double> steps) {

    public static final int MAX_POINTS = 100_000;

    /**
     * Checks the request and diagnoses the curve.
     *
     * @throws org.lracademy.spec.InvalidSpecException naming every bad field
     */
    public Diagnosis diagnose() {
        Checks checks = new Checks();
        if (checks.present(losses, "losses")) {
            checks.require(losses.size() >= CurveDiagnosis.MIN_POINTS && losses.size() <= MAX_POINTS, "losses",
                    losses.size() + " points", "must hold from " + CurveDiagnosis.MIN_POINTS + " to " + MAX_POINTS
                            + " points");
            if (steps != null && checks.require(steps.size() == losses.size(), "steps", steps.size() + " points",
                    "must hold as many points as losses (" + losses.size() + ")")) {
                for (int i = 0; i < steps.size(); i++) {
                    String field = "steps[" + i + "]";
                    if (!checks.finite(steps.get(i), field) || !checks.require(i == 0 || steps.get(i - 1) == null
                            || steps.get(i) > steps.get(i - 1), field, steps.get(i),
                            "must be greater than the step before it: steps must strictly increase")) {
                        break;
                    }
                }
            }
        }
        checks.throwIfAny();
        return CurveDiagnosis.diagnose(Numbers.toArray(losses), steps == null ? null : Numbers.toArray(steps));
    }
}
