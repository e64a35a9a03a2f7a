package org.lracademy.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lracademy.spec.Checks;
import org.lracademy.spec.Violation;

/**
 * The parameters of one scheduler, read from JSON values against its {@link SchedulerInfo}: unknown names,
 * missing required values, wrong types, NaN, infinities and out-of-range values all become violations. What
 * passes is converted once (numbers to {@code double}, integers to {@code long}, lists to arrays), defaults
 * applied, and offered through typed getters.
 */
final class Params {

    private static final int MAX_LIST = ScheduleFactory.MAX_LIST;

    private final SchedulerInfo info;
    private final String path;
    private final Checks checks;
    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> failed = new HashSet<>();

    private Params(SchedulerInfo info, String path, Checks checks) {
        this.info = info;
        this.path = path;
        this.checks = checks;
    }

    /**
     * @param path   what goes before a parameter's name in a violation, for example {@code params.} or
     *               {@code schedule.params.schedulers[1].}
     * @param ignore keys that belong to the enclosing object rather than to the scheduler (a child's
     *               {@code name})
     */
    static Params read(SchedulerInfo info, Map<String, ?> raw, String path, Checks checks, Set<String> ignore) {
        Params params = new Params(info, path, checks);
        for (String key : raw.keySet()) {
            if (!ignore.contains(key) && info.param(key).isEmpty()) {
                String known = info.params().stream().map(ParamInfo::name).collect(Collectors.joining(", "));
                checks.add(Violation.of(path + key, raw.get(key),
                        "is not a parameter of " + info.name() + "; its parameters are: " + known));
            }
        }
        for (ParamInfo p : info.params()) {
            params.take(p, raw.get(p.name()));
        }
        return params;
    }

    Checks checks() {
        return checks;
    }

    String field(String name) {
        return path + name;
    }

    /** Whether every named parameter passed its own checks (absent optional ones pass). */
    boolean ok(String... names) {
        for (String name : names) {
            if (failed.contains(name)) {
                return false;
            }
        }
        return true;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    double number(String name) {
        return (Double) values.get(name);
    }

    long integer(String name) {
        return (Long) values.get(name);
    }

    boolean flag(String name) {
        return (Boolean) values.get(name);
    }

    String text(String name) {
        return (String) values.get(name);
    }

    long[] integers(String name) {
        return (long[]) values.get(name);
    }

    /** A number-or-list parameter as given: one element when a single number was sent. */
    double[] numbers(String name) {
        Object value = values.get(name);
        return value instanceof Double d ? new double[] {d} : (double[]) value;
    }

    /** Whether a number-or-list parameter was sent as a list. */
    boolean isList(String name) {
        return values.get(name) instanceof double[];
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> children(String name) {
        return (List<Map<String, Object>>) values.get(name);
    }

    private void take(ParamInfo p, Object raw) {
        String field = field(p.name());
        if (raw == null) {
            if (p.required()) {
                checks.present(null, field);
                failed.add(p.name());
            } else {
                values.put(p.name(), p.defaultValue());
            }
            return;
        }
        Object value = switch (p.type()) {
            case NUMBER -> number(p, raw, field);
            case INTEGER -> integer(p, raw, field);
            case BOOLEAN -> checks.require(raw instanceof Boolean, field, raw, "must be true or false") ? raw : null;
            case STRING -> text(p, raw, field);
            case NUMBER_OR_LIST -> raw instanceof List<?> list ? numberList(p, list, field) : number(p, raw, field);
            case INTEGER_LIST -> integerList(p, raw, field);
            case SCHEDULERS -> schedulers(raw, field);
        };
        if (value == null) {
            failed.add(p.name());
        } else {
            values.put(p.name(), value);
        }
    }

    private Double number(ParamInfo p, Object raw, String field) {
        Double d = asDouble(raw, field);
        if (d == null || !checks.finite(d, field)) {
            return null;
        }
        return checks.require(p.admits(d), field, raw, p.rangeRule()) ? d : null;
    }

    private Long integer(ParamInfo p, Object raw, String field) {
        Double d = number(p, raw, field);
        if (d == null) {
            return null;
        }
        return checks.require(d == Math.rint(d), field, raw, "must be an integer") ? d.longValue() : null;
    }

    /** JSON numbers become doubles; a string that spells a number (Jackson's "NaN") is refused by its value. */
    private Double asDouble(Object raw, String field) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s && spellsNumber(s)) {
            boolean finite = Double.isFinite(Double.parseDouble(s.trim()));
            checks.add(Violation.of(field, raw, finite ? "must be a JSON number, not a string"
                    : "must be a finite number"));
            return null;
        }
        checks.add(Violation.of(field, raw, "must be a number"));
        return null;
    }

    private static boolean spellsNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String text(ParamInfo p, Object raw, String field) {
        boolean ok = raw instanceof String s && (p.allowed().isEmpty() || p.allowed().contains(s));
        return checks.require(ok, field, raw, "must be one of: " + String.join(", ", p.allowed())) ? (String) raw
                : null;
    }

    private double[] numberList(ParamInfo p, List<?> list, String field) {
        if (!checks.require(!list.isEmpty() && list.size() <= MAX_LIST, field, list,
                "must hold between 1 and " + MAX_LIST + " numbers")) {
            return null;
        }
        double[] out = new double[list.size()];
        boolean ok = true;
        for (int i = 0; i < out.length; i++) {
            Double d = number(p, list.get(i), field + "[" + i + "]");
            ok &= d != null;
            out[i] = d == null ? Double.NaN : d;
        }
        return ok ? out : null;
    }

    private long[] integerList(ParamInfo p, Object raw, String field) {
        if (!checks.require(raw instanceof List<?> l && l.size() <= MAX_LIST, field, raw,
                "must be a list of at most " + MAX_LIST + " integers")) {
            return null;
        }
        List<?> list = (List<?>) raw;
        long[] out = new long[list.size()];
        boolean ok = true;
        for (int i = 0; i < out.length; i++) {
            Long v = integer(p, list.get(i), field + "[" + i + "]");
            ok &= v != null;
            out[i] = v == null ? 0 : v;
        }
        return ok ? out : null;
    }

    private List<Map<String, Object>> schedulers(Object raw, String field) {
        int most = ScheduleFactory.MAX_CHILDREN;
        if (!checks.require(raw instanceof List<?> l && !l.isEmpty() && l.size() <= most, field, raw,
                "must be a list of 1 to " + most + " schedulers, each an object with a name")) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        List<?> list = (List<?>) raw;
        for (int i = 0; i < list.size(); i++) {
            Object child = list.get(i);
            if (!checks.require(child instanceof Map<?, ?>, field + "[" + i + "]", child,
                    "must be an object with a name and that scheduler's parameters")) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) child;
            out.add(map);
        }
        return out;
    }
}
