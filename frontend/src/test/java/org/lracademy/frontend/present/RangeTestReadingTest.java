package org.lracademy.frontend.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RangeTestReadingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRangeTestResultIsReadWithSuggestionsRangeAndStop() throws Exception {
        RangeTestReading reading = RangeTestReading.of(json.readTree("""
                {"points": [], "analysis": {
                 "suggestions": {"valley": {"lr": 0.02, "loss": 1.1, "index": 120},
                                 "steep": {"lr": 0.005, "loss": 1.5, "index": 101},
                                 "minimum": {"lr": null, "loss": null, "status": "no_clear_descent"}},
                 "default_method": "valley",
                 "range": {"lower": {"lr": 0.001, "loss": 2.0, "rule": "steep / 10"},
                           "upper": {"lr": 0.05, "loss": 0.9, "rule": "minimum / 10"},
                           "cosine_max": {"lr": 0.04, "loss": 1.0, "rule": "upper"}},
                 "stop": {"index": 141, "reason": "diverged"}}}"""));
        assertEquals(3, reading.suggestions().size());
        assertEquals("minimum: no suggestion (no clear descent)", reading.suggestions().get(2).words());
        assertTrue(reading.hasRange());
        assertEquals(0.001, reading.low(), 0);
        assertEquals(0.05, reading.high(), 0);
        assertEquals("The sweep stopped early at point 142: the smoothed loss grew far above the best seen.",
                reading.stop());
    }

    @Test
    void theCosineMaximumIsTheRateCarriedIntoTheCosineSchedule() throws Exception {
        RangeTestReading reading = RangeTestReading.of(json.readTree("""
                {"suggestions": {"valley": {"lr": 0.02}}, "default_method": "valley",
                 "range": {"lower": {"lr": 0.001}, "upper": {"lr": 0.05}, "cosine_max": {"lr": 0.04}}}"""));
        assertEquals(0.04, reading.recommended().orElseThrow().lr(), 0);
    }

    @Test
    void withoutACosineMaximumTheDefaultMethodIsOffered() throws Exception {
        RangeTestReading reading = RangeTestReading.of(json.readTree("""
                {"suggestions": {"valley": {"lr": 0.02}, "steep": {"lr": 0.005}}, "default_method": "steep",
                 "range": {"status": "no_clear_descent"}, "stop": {"index": 199, "reason": "completed"}}"""));
        assertEquals("steep", reading.recommended().orElseThrow().method());
        assertFalse(reading.hasRange());
        assertEquals("The sweep ran to the end rate without diverging.", reading.stop());
    }

    @Test
    void withoutAnySuggestionNothingIsOfferedAndNoRangeIsShaded() throws Exception {
        RangeTestReading reading = RangeTestReading.of(json.readTree("""
                {"suggestions": {"valley": {"lr": null, "status": "insufficient_points"}},
                 "range": {"status": "insufficient_points"}, "stop": {"reason": "non_finite_loss", "index": 3}}"""));
        assertFalse(reading.recommended().isPresent());
        assertFalse(reading.hasRange());
        assertEquals("The sweep stopped at point 4: the loss was no longer a finite number.", reading.stop());
    }
}
