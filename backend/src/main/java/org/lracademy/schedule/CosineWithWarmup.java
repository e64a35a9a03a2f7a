package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.INTEGER;
import static org.lracademy.schedule.ParamInfo.Type.NUMBER;

import java.util.Optional;

/**
 * Hugging Face's {@code get_cosine_schedule_with_warmup}: a linear warm-up from 0 over
 * {@code num_warmup_steps}, then {@code num_cycles} cosine waves (0.5 = half a wave, down to 0) until
 * {@code num_training_steps}. Surprises: with any warm-up the first step gets rate 0, and past
 * {@code num_training_steps} the cosine rises again; {@code after_end = hold} keeps the end value instead.
 */
record CosineWithWarmup(double[] bases, long warmup, long training, double cycles, AfterEnd end)
        implements ClosedForm, Ending {

    static final SchedulerInfo INFO = new SchedulerInfo("CosineWithWarmup",
            "Hugging Face's cosine schedule with warm-up: the rate rises linearly from 0 over num_warmup_steps, "
                    + "then follows num_cycles cosine waves until num_training_steps. Also accepted as LambdaLR "
                    + "with equivalent_to=transformers.get_cosine_schedule_with_warmup.",
            CommonParams.withLastEpoch(
                    ParamInfo.required("num_warmup_steps", INTEGER, "The number of warm-up steps (0 for none).")
                            .atLeast(0).atMost(CommonParams.INT_MAX),
                    CommonParams.positiveInt("num_training_steps", null, "The step at which the cosine ends."),
                    ParamInfo.optional("num_cycles", NUMBER, 0.5, "The number of cosine waves after the warm-up; "
                            + "0.5 goes from the base rate down to 0.").above(0).atMost(1e6),
                    CommonParams.AFTER_END));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        if (!p.ok("num_warmup_steps", "num_training_steps", "num_cycles", "after_end")) {
            return Optional.empty();
        }
        long warmup = p.integer("num_warmup_steps");
        long training = p.integer("num_training_steps");
        if (!p.checks().require(warmup <= training, p.field("num_warmup_steps"), warmup,
                "must not exceed num_training_steps (" + training + ")")) {
            return Optional.empty();
        }
        return Optional.of(new CosineWithWarmup(target.bases(), warmup, training, p.number("num_cycles"),
                AfterEnd.of(p.text("after_end"))));
    }

    @Override
    public double at(long t, double base) {
        long s = end == AfterEnd.HOLD ? Math.min(t, training) : t;
        return base * factor(s);
    }

    private double factor(long s) {
        if (s < warmup) {
            return (double) s / Math.max(1, warmup);
        }
        double progress = (double) (s - warmup) / Math.max(1, training - warmup);
        return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * cycles * 2.0 * progress)));
    }

    @Override
    public Optional<AfterEnd> afterEnd() {
        return Optional.of(end);
    }
}
