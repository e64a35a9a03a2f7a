package org.lracademy.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JobStoreOnH2Test extends JobStoreContract {

    private static Database database;
    private static JobStore store;

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "h2-store");
        database = new Database(Optional.empty(), Optional.empty(), Optional.empty(), 8, dir.toString());
        store = storeOver(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    JobStore store() {
        return store;
    }
}
