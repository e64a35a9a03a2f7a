package org.lracademy.schedule;

import java.util.List;
import java.util.Optional;

/**
 * A scheduler in the catalogue: its PyTorch name, what it does (including where PyTorch surprises), and its
 * parameters in the order a form shows them.
 */
public record SchedulerInfo(String name, String description, List<ParamInfo> params) {

    public SchedulerInfo {
        params = List.copyOf(params);
    }

    public Optional<ParamInfo> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
}
