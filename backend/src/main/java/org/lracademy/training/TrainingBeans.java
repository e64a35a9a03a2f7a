package org.lracademy.training;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the data set registry and the engine injectable; one of each per process. */
public class TrainingBeans {

    @Produces
    @Singleton
    Datasets datasets(@ConfigProperty(name = "academy.data-dir", defaultValue = "data") String dataDir) {
        return new Datasets(Path.of(dataDir));
    }

    @Produces
    @Singleton
    TrainingEngine engine(Datasets datasets,
            @ConfigProperty(name = "academy.training.intra-op-threads", defaultValue = "1") int threads) {
        return new TrainingEngine(datasets, threads);
    }
}
