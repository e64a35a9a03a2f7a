package org.lracademy.frontend.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VariantListTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void learningRatesTypedWithExponentsBecomeNumbers() {
        assertEquals("[1.0E-4,0.001,0.5]", VariantList.parse("1e-4, 0.001 ,0.5").toString());
    }

    @Test
    void schemeNamesStayTextAndSchemesWithOptionsStayObjects() {
        assertEquals("[\"zeros\",{\"scheme\":\"normal\",\"std\":1.0},\"xavier_normal\"]",
                VariantList.parse("zeros, {\"scheme\": \"normal\", \"std\": 1.0}, xavier_normal").toString());
    }

    @Test
    void aValueThatIsNeitherNumberNorNameIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VariantList.parse("0.1, 1e-3x!"));
        assertEquals("'1e-3x!' is neither a number nor a name", e.getMessage());
    }

    @Test
    void anEmptyListAndAnOverlongListAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VariantList.parse(" , "));
        assertThrows(IllegalArgumentException.class, () -> VariantList.parse("1,2,3,4,5,6,7,8,9"));
    }

    @Test
    void numbersAreWrittenTheWayALearnerWritesThem() {
        assertEquals("1e-4", VariantList.number(0.0001));
        assertEquals("2.5e-5", VariantList.number(0.000025));
        assertEquals("0.001", VariantList.number(0.001));
        assertEquals("0.1", VariantList.number(0.1));
        assertEquals("3", VariantList.number(3.0));
    }

    @Test
    void theLessonsDefaultsRoundTripThroughTheField() throws Exception {
        var lrs = json.readTree("[0.0001, 0.001, 0.01, 0.1]");
        assertEquals("1e-4, 0.001, 0.01, 0.1", VariantList.format(lrs));
        assertEquals(4, VariantList.parse(VariantList.format(lrs)).size());
    }

    @Test
    void labelsNameTheSettingAndItsValue() throws Exception {
        assertEquals("lr 0.01", VariantList.label("lrs", json.readTree("0.01")));
        assertEquals("dropout 0.5", VariantList.label("dropouts", json.readTree("0.5")));
        assertEquals("init normal (std 1.0)",
                VariantList.label("inits", json.readTree("{\"scheme\":\"normal\",\"std\":1.0}")));
    }

    @Test
    void theVariedFieldIsFoundInAComparisonSpec() throws Exception {
        assertEquals("dropouts", VariantList.keyOf(json.readTree("{\"epochs\":3,\"dropouts\":[0.1]}")).orElseThrow());
        assertEquals(false, VariantList.keyOf(json.readTree("{\"epochs\":3}")).isPresent());
    }
}
