package org.lracademy.rangetest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/** Reads spec records from JSON the way the API does: unknown fields are errors. */
final class JsonSpecs {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonSpecs() {
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("test JSON does not parse: " + json, e);
        }
    }
}
