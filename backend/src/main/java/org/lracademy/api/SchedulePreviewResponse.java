package org.lracademy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.lracademy.schedule.AfterEnd;
import org.lracademy.schedule.LrSchedule;
import org.lracademy.schedule.ScheduleFactory;

/**
 * The answer of a schedule preview. {@code lr[i]} is the rate that optimiser update {@code i} uses (group 0);
 * {@code lr_groups} repeats that for every group when there are several; {@code momentum} appears only where the
 * schedule cycles momentum. A value that is not a finite number (a gamma above 1 can overflow) is {@code null}.
 *
 * @param afterEnd for schedules with a cosine window: {@code continue} (the rate rises again past the window, as
 *                 in PyTorch) or {@code hold}
 * @param notes    surprises of an accepted schedule, such as a warm-up cut short by a milestone; absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedulePreviewResponse(int steps, int groups, List<Double> lr,
        @JsonProperty("lr_groups") List<List<Double>> lrGroups, List<Double> momentum,
        @JsonProperty("momentum_groups") List<List<Double>> momentumGroups,
        @JsonProperty("after_end") String afterEnd, List<String> notes) {

    static SchedulePreviewResponse of(LrSchedule schedule, int steps) {
        List<List<Double>> lrs = new ArrayList<>();
        List<List<Double>> momenta = new ArrayList<>();
        for (int g = 0; g < schedule.groups(); g++) {
            List<Double> lr = new ArrayList<>(steps);
            List<Double> momentum = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                lr.add(finite(schedule.lr(t, g)));
                OptionalDouble m = schedule.momentum(t, g);
                if (m.isPresent()) {
                    momentum.add(finite(m.getAsDouble()));
                }
            }
            lrs.add(lr);
            momenta.add(momentum);
        }
        boolean several = lrs.size() > 1;
        boolean cycled = !momenta.get(0).isEmpty();
        return new SchedulePreviewResponse(steps, lrs.size(), lrs.get(0), several ? lrs : null,
                cycled ? momenta.get(0) : null, cycled && several ? momenta : null,
                ScheduleFactory.afterEnd(schedule).map(AfterEnd::label).orElse(null),
                ScheduleFactory.notes(schedule).isEmpty() ? null : ScheduleFactory.notes(schedule));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
