package org.lracademy.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import org.lracademy.jobs.JobKind;
import org.lracademy.training.TrainingEngine;

/**
 * A kind that runs on the training engine. Checking a spec and preparing it to run are one piece of work, so that
 * what is accepted at submission is exactly what runs.
 *
 * @param <P> the checked spec, ready to run
 */
abstract class EngineKind<P> implements JobKind {

    @Inject
    TrainingEngine engine;

    @Override
    public void validate(JsonNode spec) {
        prepare(spec);
    }

    /**
     * Checks the spec against every rule, the engine's included, and answers it ready to run.
     *
     * @throws org.lracademy.spec.InvalidSpecException naming every bad field
     */
    abstract P prepare(JsonNode spec);
}
