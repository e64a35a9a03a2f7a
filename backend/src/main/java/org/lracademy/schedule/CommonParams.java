package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.BOOLEAN;
import static org.lracademy.schedule.ParamInfo.Type.INTEGER;
import static org.lracademy.schedule.ParamInfo.Type.NUMBER;
import static org.lracademy.schedule.ParamInfo.Type.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parameters and checks that several schedulers share. */
final class CommonParams {

    /** The largest value of any integer parameter: far beyond any run, small enough for exact arithmetic. */
    static final double INT_MAX = 1_000_000_000;

    static final ParamInfo LAST_EPOCH = ParamInfo.optional("last_epoch", INTEGER, -1L,
            "PyTorch's resume argument. Only -1 (a fresh schedule) is accepted: a resumed run asks for the rate "
                    + "at its step count instead, which avoids PyTorch's resume faults.")
            .atLeast(-1).atMost(-1);

    static final ParamInfo ETA_MIN = ParamInfo.optional("eta_min", NUMBER, 0.0,
            "The lowest rate of the cosine, one value shared by every parameter group.").atLeast(0);

    static final ParamInfo ALLOW_ETA_MIN_ABOVE_BASE = ParamInfo.optional("allow_eta_min_above_base", BOOLEAN,
            false, "Accept an eta_min above a group's base rate, so that the cosine anneals the rate upwards. "
                    + "PyTorch accepts this silently; here it must be asked for.");

    static final ParamInfo AFTER_END = ParamInfo.optional("after_end", STRING, "continue",
            "What happens past the end of the annealing window: 'continue' follows the cosine back up (PyTorch, "
                    + "Hugging Face); 'hold' stays at the end value (timm, DJL).")
            .oneOf("continue", "hold");

    static final ParamInfo SCHEDULERS = ParamInfo.required("schedulers", ParamInfo.Type.SCHEDULERS,
            "The children, each an object with a name and that scheduler's parameters. OneCycleLR and composites "
                    + "cannot be children.");

    private CommonParams() {
    }

    /** A positive integer; required when it has no default. */
    static ParamInfo positiveInt(String name, Object defaultValue, String meaning) {
        ParamInfo p = defaultValue == null ? ParamInfo.required(name, INTEGER, meaning)
                : ParamInfo.optional(name, INTEGER, defaultValue, meaning);
        return p.atLeast(1).atMost(INT_MAX);
    }

    /** A positive integer that may be left out and has no default. */
    static ParamInfo optionalPositiveInt(String name, String meaning) {
        return ParamInfo.optional(name, INTEGER, null, meaning).atLeast(1).atMost(INT_MAX);
    }

    /** A scheduler's own parameters followed by {@code last_epoch}. */
    static List<ParamInfo> withLastEpoch(ParamInfo... own) {
        List<ParamInfo> all = new ArrayList<>(Arrays.asList(own));
        all.add(LAST_EPOCH);
        return all;
    }

    /** eta_min may not exceed any group's base rate unless the request asks for it explicitly. */
    static boolean etaMinWithinBases(Params p, double[] bases) {
        if (!p.ok(ETA_MIN.name(), ALLOW_ETA_MIN_ABOVE_BASE.name())) {
            return false;
        }
        double lowest = Arrays.stream(bases).filter(Double::isFinite).min().orElse(Double.POSITIVE_INFINITY);
        double etaMin = p.number(ETA_MIN.name());
        return p.flag(ALLOW_ETA_MIN_ABOVE_BASE.name()) || p.checks().require(etaMin <= lowest,
                p.field(ETA_MIN.name()), etaMin, "must not exceed the base learning rate of any group (lowest: "
                        + lowest + "); set allow_eta_min_above_base to true to anneal upwards on purpose");
    }
}
