package org.lracademy.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.lracademy.spec.JsonProblems;

/** Request bodies read by the framework get the same strict reading as those the kinds read themselves. */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        JsonProblems.strict(mapper);
    }
}
