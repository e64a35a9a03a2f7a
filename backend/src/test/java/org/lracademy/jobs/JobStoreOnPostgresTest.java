package org.lracademy.jobs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store's contract on a real PostgreSQL server, started for these tests on a loopback port. */
class JobStoreOnPostgresTest extends JobStoreContract {

    private static EmbeddedPostgres postgres;
    private static Database database;
    private static JobStore store;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = new Database(Optional.of(postgres.getJdbcUrl("postgres", "postgres")), Optional.of("postgres"),
                Optional.of("postgres"), 8, "target");
        store = storeOver(database);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        postgres.close();
    }

    @Override
    JobStore store() {
        return store;
    }
}
