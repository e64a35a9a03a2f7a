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
 * @param cosineMax the rate a cosine schedule should start from, or 0 when the analysis gives none
 * @param defaultMethod the method whose suggestion the analysis would apply; empty when it names none
 */
public record RangeTestReading(List<Suggestion> suggestions, double low, double high, String stop, double cosineMax,
        String defaultMethod) {

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

    /** The rules offered, in order, when the analysis names no default and no cosine maximum. */
    private static final List<String> PREFERENCE = List.of("valley", "steep", "minimum", "slide");

    public static RangeTestReading of(JsonNode result) {
        JsonNode analysis = result.has("analysis") ? result.get("analysis") : result;
        JsonNode range = analysis.path("range");
        return new RangeTestReading(suggestions(analysis.path("suggestions")), bound(range, 0), bound(range, 1),
                stopWords(analysis.path("stop")), range.path("cosine_max").path("lr").asDouble(0),
                analysis.path("default_method").asText(""));
    }

    public boolean hasRange() {
        return low > 0 && high > low;
    }

    /**
     * The rate "use this LR" carries into a cosine schedule: the analysis's cosine maximum, else its default
     * method's suggestion, else the first preferred method that found one.
     */
    public Optional<Suggestion> recommended() {
        if (cosineMax > 0) {
            return Optional.of(new Suggestion("cosine maximum", cosineMax, ""));
        }
        List<Suggestion> found = suggestions.stream().filter(Suggestion::found).toList();
        List<String> order = new ArrayList<>(PREFERENCE);
        order.add(0, defaultMethod);
        for (String method : order) {
            Optional<Suggestion> match = found.stream().filter(s -> s.method().equals(method)).findFirst();
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

    /**
     * Reads a range written as {@code {lower: {lr}, upper: {lr}}}, {@code [low, high]} or {@code {low, high}}; 0
     * where a bound is missing.
     */
    private static double bound(JsonNode range, int index) {
        if (range.isArray()) {
            return range.path(index).asDouble(0);
        }
        JsonNode bound = range.path(index == 0 ? "lower" : "upper");
        if (bound.isObject()) {
            return bound.path("lr").asDouble(0);
        }
        return range.path(index == 0 ? "low" : "high").asDouble(0);
    }

    static String stopWords(JsonNode stop) {
        String reason = stop.isTextual() ? stop.asText() : stop.path("reason").asText("");
        String where = stop.has("index") ? " at point " + (stop.get("index").asInt() + 1) : "";
        return switch (reason.toLowerCase(Locale.ROOT)) {
            case "" -> "The sweep ran to the end.";
            case "diverged" ->
                    "The sweep stopped early" + where + ": the smoothed loss grew far above the best seen.";
            case "non_finite_loss", "non_finite" ->
                    "The sweep stopped" + where + ": the loss was no longer a finite number.";
            case "completed" ->
                    "The sweep ran to the end rate without diverging.";
            case "cancelled" -> "The sweep was cancelled" + where + ".";
            default -> "The sweep stopped" + where + ": " + reason.replace('_', ' ') + ".";
        };
    }
}
