package org.lracademy.frontend.present;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Which run of a comparison an event belongs to, when one job streams the events of all its runs. The event names
 * its run by index ({@code run}, {@code run_index} or {@code member}), or else by the value that run varies
 * ({@code lr}, {@code dropout} or {@code init}).
 */
public final class GroupRouting {

    private static final List<String> INDEX_FIELDS = List.of("run", "run_index", "member");

    private GroupRouting() {
    }

    /** The run's index, or -1 when the event does not say which run it is. */
    public static int runOf(JsonNode event, String key, List<JsonNode> values) {
        for (String field : INDEX_FIELDS) {
            JsonNode index = event.path(field);
            if (index.isIntegralNumber() && index.asInt() >= 0 && index.asInt() < values.size()) {
                return index.asInt();
            }
        }
        String field = switch (key) {
            case "lrs" -> "lr";
            case "dropouts" -> "dropout";
            case "inits" -> "init";
            default -> key;
        };
        JsonNode value = event.path(field);
        for (int i = 0; i < values.size(); i++) {
            if (same(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            double a = expected.asDouble();
            return Math.abs(a - actual.asDouble()) <= 1e-9 * Math.max(1, Math.abs(a));
        }
        return expected.equals(actual);
    }
}
