package org.lracademy.frontend.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRoutingTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> values(String array) throws Exception {
        List<JsonNode> list = new java.util.ArrayList<>();
        json.readTree(array).forEach(list::add);
        return list;
    }

    @Test
    void anEventNamingItsRunByIndexGoesToThatRun() throws Exception {
        assertEquals(2, GroupRouting.runOf(json.readTree("{\"run\": 2, \"lr\": 0.5}"), "lrs",
                values("[0.001, 0.01, 0.1]")));
    }

    @Test
    void anEventWithoutIndexGoesToTheRunWithItsLearningRate() throws Exception {
        assertEquals(1, GroupRouting.runOf(json.readTree("{\"step\": 3, \"lr\": 0.01}"), "lrs",
                values("[0.001, 0.01, 0.1]")));
        assertEquals(2, GroupRouting.runOf(json.readTree("{\"init\": \"xavier_normal\"}"), "inits",
                values("[\"zeros\", {\"scheme\": \"normal\"}, \"xavier_normal\"]")));
    }

    @Test
    void anEventThatNamesNoRunIsNotGuessed() throws Exception {
        assertEquals(-1, GroupRouting.runOf(json.readTree("{\"step\": 3, \"lr\": 0.02}"), "lrs",
                values("[0.001, 0.01, 0.1]")));
        assertEquals(-1, GroupRouting.runOf(json.readTree("{\"run\": 7}"), "dropouts", values("[0.0, 0.5]")));
    }
}
