package org.lracademy.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lracademy.spec.Checks;

/** The schedulers this package knows, and how a named one is checked and built, at the top or as a child. */
final class Families {

    /** Where a scheduler stands: some are checked differently inside a composite. */
    enum Role { TOP, SEQUENTIAL_CHILD, CHAINED_CHILD }

    /**
     * What a schedule is built for.
     *
     * @param bases      each parameter group's base rate
     * @param totalSteps how many steps the caller will ask for
     * @param stepsField the caller's field that holds that number, for violations about it
     */
    record Target(double[] bases, long totalSteps, String stepsField, Role role) {

        Target as(Role childRole) {
            return new Target(bases, totalSteps, stepsField, childRole);
        }
    }

    private interface Builder {
        Optional<LrSchedule> build(Params params, Target target);
    }

    /** @param composable whether it may be a child of SequentialLR or ChainedScheduler */
    private record Family(SchedulerInfo info, Builder builder, boolean composable) {
    }

    /** The Hugging Face function a {@code LambdaLR} may name to mean {@link CosineWithWarmup}. */
    static final String HF_COSINE = "transformers.get_cosine_schedule_with_warmup";

    private static final List<Family> ALL = List.of(
            new Family(ConstantLR.INFO, ConstantLR::build, true),
            new Family(LinearLR.INFO, LinearLR::build, true),
            new Family(StepLR.INFO, StepLR::build, true),
            new Family(MultiStepLR.INFO, MultiStepLR::build, true),
            new Family(ExponentialLR.INFO, ExponentialLR::build, true),
            new Family(CosineAnnealingLR.INFO, CosineAnnealingLR::build, true),
            new Family(CosineAnnealingWarmRestarts.INFO, CosineAnnealingWarmRestarts::build, true),
            new Family(OneCycleLR.INFO, OneCycleLR::build, false),
            new Family(CosineWithWarmup.INFO, CosineWithWarmup::build, true),
            new Family(SequentialLR.INFO, SequentialLR::build, false),
            new Family(ChainedScheduler.INFO, ChainedScheduler::build, false));

    private Families() {
    }

    static List<SchedulerInfo> infos() {
        return ALL.stream().map(Family::info).toList();
    }

    /**
     * Checks a scheduler's name and parameters into {@code checks} and builds it when they pass.
     *
     * @param nameField the field that holds the name, for violations about it
     * @param paramPath what goes before each parameter's name in violations
     * @param ignore    keys of {@code raw} that are not parameters
     */
    static Optional<LrSchedule> build(Object name, Map<String, ?> raw, String nameField, String paramPath,
            Target target, Checks checks, Set<String> ignore) {
        Set<String> skip = new HashSet<>(ignore);
        Optional<Family> family = resolve(name, raw, nameField, checks, skip);
        if (family.isEmpty()) {
            return Optional.empty();
        }
        if (target.role() != Role.TOP && !checks.require(family.get().composable(), nameField, name,
                "cannot be a child of SequentialLR or ChainedScheduler: OneCycleLR sets every group's rates itself, "
                        + "and composites do not nest")) {
            return Optional.empty();
        }
        Params params = Params.read(family.get().info(), raw, paramPath, checks, skip);
        return family.get().builder().build(params, target);
    }

    private static Optional<Family> resolve(Object name, Map<String, ?> raw, String nameField, Checks checks,
            Set<String> skip) {
        if (!checks.present(name, nameField)) {
            return Optional.empty();
        }
        if ("LambdaLR".equals(name)) {
            skip.add("equivalent_to");
            return checks.require(HF_COSINE.equals(raw.get("equivalent_to")), nameField, name,
                    "takes a Python function, which JSON cannot carry; use CosineWithWarmup for the Hugging Face "
                            + "cosine (or LambdaLR with equivalent_to=" + HF_COSINE + ")")
                    ? find(CosineWithWarmup.INFO.name()) : Optional.empty();
        }
        Optional<Family> family = find(name);
        checks.require(family.isPresent(), nameField, name, "must be one of: "
                + ALL.stream().map(f -> f.info().name()).collect(Collectors.joining(", ")));
        return family;
    }

    private static Optional<Family> find(Object name) {
        return ALL.stream().filter(f -> f.info().name().equals(name)).findFirst();
    }

    /** Checks and builds the children of a composite; empty when any child fails. */
    static Optional<List<LrSchedule>> children(Params p, Target target) {
        if (!p.ok("schedulers")) {
            return Optional.empty();
        }
        List<Map<String, Object>> specs = p.children("schedulers");
        List<LrSchedule> built = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String path = p.field("schedulers") + "[" + i + "].";
            Map<String, Object> spec = specs.get(i);
            build(spec.get("name"), spec, path + "name", path, target, p.checks(), Set.of("name"))
                    .ifPresent(built::add);
        }
        return built.size() == specs.size() ? Optional.of(built) : Optional.empty();
    }

    /** The end behaviour of the last child that has one: that child shapes the end of the schedule. */
    static Optional<AfterEnd> lastAfterEnd(List<LrSchedule> children) {
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i) instanceof Ending e && e.afterEnd().isPresent()) {
                return e.afterEnd();
            }
        }
        return Optional.empty();
    }
}
