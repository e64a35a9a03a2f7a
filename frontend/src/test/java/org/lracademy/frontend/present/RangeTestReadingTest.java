package org.lracademy.frontend.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RangeTestReadingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void suggestionsByMethodAreReadAndTheSteepestIsOfferedFirst() throws Exception {
        RangeTestReading reading = RangeTestReading.of(json.readTree("""
                {"suggestions": {"valley": {"lr": 0.02, "loss": 1.1}, "steepest": {"lr": 0.005, "loss": 1.5},
                                 "min_div_10": {"status": "no_minimum"}},
                 "range": {"low": 0.001, "high": 0.05}, "stop": {"index": 141, "reason": "diverged"}}"""));
        assertEquals(0.005, reading.recommended().orElseThrow().lr(), 0);
        assertEquals(3, reading.suggestions().size());
        assertEquals("min div 10: no suggestion (no minimum)", reading.suggestions().get(2).words());
        assertTrue(reading.hasRange());
        assertEquals(0.001, reading.low(), 0);
        assertEquals(0.05, reading.high(), 0);
        assertEquals("The sweep stopped early at point 142: the smoothed loss grew far above the best seen.",
                reading.stop());
    }

    @Test
    void aListOfSuggestionsAndARangeAsPairAreReadToo() throws Exception {
        RangeTestReading reading = RangeTestReading.of(json.readTree("""
                {"analysis": {"suggestions": [{"method": "valley", "lr": 0.03}], "range": [0.002, 0.04],
                              "stop": {"reason": "end_lr"}}}"""));
        assertEquals("valley", reading.recommended().orElseThrow().method());
        assertEquals(0.04, reading.high(), 0);
        assertEquals("The sweep ran to the end rate without diverging.", reading.stop());
    }

    @Test
    void withoutAnySuggestionNothingIsOfferedAndNoRangeIsShaded() throws Exception {
        RangeTestReading reading = RangeTestReading.of(json.readTree("""
                {"suggestions": {"steepest": {"status": "too_few_points"}}, "stop": {"reason": "non_finite",
                 "index": 3}}"""));
        assertFalse(reading.recommended().isPresent());
        assertFalse(reading.hasRange());
        assertEquals("The sweep stopped at point 4: the loss was no longer a finite number.", reading.stop());
    }
}
