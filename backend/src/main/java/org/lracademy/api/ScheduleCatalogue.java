package org.lracademy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.lracademy.schedule.ParamInfo;
import org.lracademy.schedule.ScheduleFactory;
import org.lracademy.schedule.SchedulerInfo;

/**
 * The answer of {@code GET /api/v1/schedules}: every scheduler with its parameters, enough for a client to build
 * its forms, and the limits of the preview.
 */
public record ScheduleCatalogue(List<Scheduler> schedulers, Limits limits) {

    public record Scheduler(String name, String description, List<Param> params) {
    }

    /**
     * A parameter; {@code min}, {@code max}, {@code allowed} and {@code default} appear only where they apply.
     *
     * @param minExclusive whether {@code min} itself is refused
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Param(String name, String type, String meaning, @JsonProperty("default") Object defaultValue,
            boolean required, Double min, @JsonProperty("min_exclusive") Boolean minExclusive, Double max,
            List<String> allowed) {
    }

    public record Limits(@JsonProperty("max_steps") int maxSteps, @JsonProperty("max_groups") int maxGroups,
            @JsonProperty("max_children") int maxChildren, @JsonProperty("max_list_length") int maxListLength,
            @JsonProperty("max_base_lr") double maxBaseLr) {
    }

    static ScheduleCatalogue current() {
        List<Scheduler> schedulers = ScheduleFactory.catalogue().stream().map(ScheduleCatalogue::scheduler).toList();
        return new ScheduleCatalogue(schedulers, new Limits(SchedulePreviewRequest.MAX_STEPS,
                ScheduleFactory.MAX_GROUPS, ScheduleFactory.MAX_CHILDREN, ScheduleFactory.MAX_LIST,
                SchedulePreviewRequest.MAX_BASE_LR));
    }

    private static Scheduler scheduler(SchedulerInfo info) {
        return new Scheduler(info.name(), info.description(), info.params().stream().map(ScheduleCatalogue::param)
                .toList());
    }

    private static Param param(ParamInfo p) {
        return new Param(p.name(), p.type().label(), p.meaning(), p.defaultValue(), p.required(), p.min(),
                p.min() == null ? null : p.minExclusive(), p.max(), p.allowed().isEmpty() ? null : p.allowed());
    }
}
