package org.lracademy.frontend.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleCatalogueTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCatalogueListedWithParameterListsGivesOneFormPerScheduler() throws Exception {
        ScheduleCatalogue catalogue = ScheduleCatalogue.of(json.readTree("""
                {"schedulers": [{"name": "StepLR", "description": "Decays every step_size steps",
                  "params": [{"name": "step_size", "description": "steps between decays", "min": 1},
                             {"name": "gamma", "default": 0.1, "max": 1, "min": 0, "min_exclusive": true},
                             {"name": "last_epoch", "default": -1, "min": -1, "max": -1}]}]}"""));
        ScheduleCatalogue.Scheduler step = catalogue.schedulers().get(0);
        assertEquals("StepLR", step.name());
        assertEquals("30", step.params().get(0).initialText());
        assertEquals("at least 1", step.params().get(0).limits());
        assertEquals("0.1", step.params().get(1).initialText());
        assertEquals("above 0, at most 1", step.params().get(1).limits());
        assertEquals(2, step.params().size(), "a parameter with one accepted value gets no field");
    }

    @Test
    void aRequiredParameterWithoutDefaultStartsWithAValueFitForItsScheduler() throws Exception {
        ScheduleCatalogue catalogue = ScheduleCatalogue.of(json.readTree("""
                {"schedulers": [
                  {"name": "SequentialLR", "params": [{"name": "milestones", "required": true}]},
                  {"name": "MultiStepLR", "params": [{"name": "milestones", "required": true}]}]}"""));
        assertEquals("[10]", catalogue.schedulers().get(0).params().get(0).initialText());
        assertEquals("[30, 60, 90]", catalogue.schedulers().get(1).params().get(0).initialText());
        assertEquals("required", catalogue.schedulers().get(1).params().get(0).limits());
    }

    @Test
    void aCatalogueKeyedByNameIsReadAlike() throws Exception {
        ScheduleCatalogue catalogue = ScheduleCatalogue.of(json.readTree("""
                {"CosineAnnealingLR": {"params": {"T_max": {"default": 100}, "eta_min": {"default": 0}}}}"""));
        assertEquals("CosineAnnealingLR", catalogue.schedulers().get(0).name());
        assertEquals(2, catalogue.schedulers().get(0).params().size());
    }

    @Test
    void thePreviewBodyKeepsWholeNumbersWholeAndLeavesEmptyFieldsOut() throws Exception {
        ScheduleCatalogue.Scheduler cosine = ScheduleCatalogue.of(json.readTree("""
                [{"name": "CosineAnnealingLR", "params": [{"name": "T_max"}, {"name": "eta_min"}]}]""")).schedulers()
                .get(0);
        assertEquals("{\"scheduler\":\"CosineAnnealingLR\",\"params\":{\"T_max\":50},\"base_lr\":0.1,\"steps\":60}",
                ScheduleCatalogue.previewBody(cosine, Map.of("T_max", "50", "eta_min", " "), "0.1", "60").toString());
    }

    @Test
    void unreadableFieldsAreEachNamed() throws Exception {
        ScheduleCatalogue.Scheduler cosine = ScheduleCatalogue.of(json.readTree("""
                [{"name": "CosineAnnealingLR", "params": [{"name": "T_max"}]}]""")).schedulers().get(0);
        ScheduleCatalogue.FieldErrors e = assertThrows(ScheduleCatalogue.FieldErrors.class,
                () -> ScheduleCatalogue.previewBody(cosine, Map.of("T_max", "[1,"), "fast", "60"));
        assertEquals("'[1,' is not valid JSON", e.errors().get("T_max"));
        assertEquals("'fast' is not a number", e.errors().get("base_lr"));
        assertEquals(2, e.errors().size());
    }
}
