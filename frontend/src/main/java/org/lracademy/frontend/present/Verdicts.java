package org.lracademy.frontend.present;

/** What each shape of loss curve says about the learning rate, in a learner's words. */
public final class Verdicts {

    private Verdicts() {
    }

    public static String words(String verdict) {
        return switch (verdict) {
            case "converging" -> "converging: the rate is in a good place";
            case "too_slow" -> "too slow: the rate is too small";
            case "oscillating" -> "oscillating: the rate is near the edge of stability";
            case "diverging" -> "diverging: the rate is too large";
            default -> verdict.replace('_', ' ');
        };
    }
}
