package org.lracademy.frontend.present;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a finished range test says: each suggestion, the recommended range, why the sweep stopped, and the rate to
 * carry into training.
 *
 * @param suggestions the methods that found a rate, then those that did not (with their status)
 * @param low lower end of the recommended range, or 0 when there is none
 * @param high upper end of the recommended range, or 0 when there is none
 * @param stop why the sweep ended, in words
 */
public record RangeTestReading(List<Suggestion> suggestions, double low, double high, String stop) {

    /** One method's pick; {@code lr} is 0 when it found none, and {@code status} then says why. */
    public record Suggestion(String method, double lr, String status) {
        public boolean found() {
            return lr > 0;
        }

        public String words() {
            String name = method.replace('_', ' ');
            return found() ? name + ": " + VariantList.number(lr) : name + ": no suggestion (" + status + ")";
        }
    }

    /** The rule the learner is offered first: the one that agrees with the lesson's advice. */
    private static final List<String> PREFERENCE = List.of("steepest", "valley", "min_div_10", "minimum");

    public static RangeTestReading of(JsonNode result) {
        JsonNode analysis = result.has("analysis") ? result.get("analysis") : result;
        return new RangeTestReading(suggestions(analysis.path("suggestions")), bound(analysis.path("range"), 0),
                bound(analysis.path("range"), 1), stopWords(analysis.path("stop")));
    }

    public boolean hasRange() {
        return low > 0 && high > low;
    }

    /** The rate "use this LR" carries on: the first preferred method that found one, else any that did. */
    public Optional<Suggestion> recommended() {
        List<Suggestion> found = suggestions.stream().filter(Suggestion::found).toList();
        for (String method : PREFERENCE) {
            Optional<Suggestion> match = found.stream().filter(s -> s.method().startsWith(method)).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return found.stream().findFirst();
    }

    private static List<Suggestion> suggestions(JsonNode node) {
        List<Suggestion> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(s -> list.add(suggestion(s.path("method").asText(s.path("name").asText("rule")), s)));
        } else {
            node.fields().forEachRemaining(f -> list.add(suggestion(f.getKey(), f.getValue())));
        }
        list.sort((a, b) -> Boolean.compare(b.found(), a.found()));
        return list;
    }

    private static Suggestion suggestion(String method, JsonNode node) {
        double lr = node.isNumber() ? node.asDouble() : node.path("lr").asDouble(0);
        return new Suggestion(method, lr > 0 ? lr : 0, node.path("status").asText("not found").replace('_', ' '));
    }

    /** Reads a range written as {@code [low, high]}, {@code {low, high}} or {@code {min, max}}. */
    private static double bound(JsonNode range, int index) {
        if (range.isArray()) {
            return range.path(index).asDouble(0);
        }
        List<String> names = index == 0 ? List.of("low", "min", "from", "start") : List.of("high", "max", "to", "end");
        return names.stream().filter(range::has).findFirst().map(n -> range.get(n).asDouble(0)).orElse(0.0);
    }

    static String stopWords(JsonNode stop) {
        String reason = stop.isTextual() ? stop.asText() : stop.path("reason").asText("");
        String where = stop.has("index") ? " at point " + (stop.get("index").asInt() + 1) : "";
        return switch (reason.toLowerCase(Locale.ROOT)) {
            case "" -> "The sweep ran to the end.";
            case "diverged", "divergence", "diverging" ->
                    "The sweep stopped early" + where + ": the smoothed loss grew far above the best seen.";
            case "non_finite", "nonfinite", "nan", "non-finite" ->
                    "The sweep stopped" + where + ": the loss was no longer a finite number.";
            case "end_lr", "completed", "num_iter", "finished", "end", "max_iter" ->
                    "The sweep ran to the end rate without diverging.";
            case "cancelled" -> "The sweep was cancelled" + where + ".";
            default -> "The sweep stopped" + where + ": " + reason.replace('_', ' ') + ".";
        };
    }
}
