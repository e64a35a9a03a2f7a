package org.lracademy.jobs;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The product's database, chosen at run time: an H2 file under the data directory unless {@code academy.db.url}
 * names another (PostgreSQL in production). Opens a connection pool and brings the schema up to date with the
 * migrations under {@code db/migration} before anything else uses it.
 */
@Startup
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class);

    private final String url;
    private final AgroalDataSource pool;

    @Inject
    Database(@ConfigProperty(name = "academy.db.url") Optional<String> url,
            @ConfigProperty(name = "academy.db.username") Optional<String> username,
            @ConfigProperty(name = "academy.db.password") Optional<String> password,
            @ConfigProperty(name = "academy.db.pool-size", defaultValue = "16") int poolSize,
            @ConfigProperty(name = "academy.data-dir", defaultValue = "data") String dataDir) {
        this.url = url.filter(u -> !u.isBlank()).orElseGet(() -> embeddedUrl(dataDir));
        this.pool = open(this.url, username.orElse(isPostgres(this.url) ? "postgres" : "sa"), password.orElse(""),
                poolSize);
        migrate();
    }

    /** Only for a framework proxy. */
    protected Database() {
        this.url = null;
        this.pool = null;
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean postgres() {
        return isPostgres(url);
    }

    private static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    private static String embeddedUrl(String dataDir) {
        Path dir = Path.of(dataDir).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + dir
                    + "; set academy.data-dir to a writable folder", e);
        }
        // WRITE_DELAY=0: a commit reaches the file at once, so events already streamed survive a kill -9.
        return "jdbc:h2:file:" + dir.resolve("academy") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    private static AgroalDataSource open(String url, String username, String password, int size) {
        Class<?> driver = isPostgres(url) ? org.postgresql.Driver.class : org.h2.Driver.class;
        var config = new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool
                .maxSize(size)
                .acquisitionTimeout(Duration.ofSeconds(30))
                .connectionFactoryConfiguration(factory -> factory
                        .jdbcUrl(url)
                        .connectionProviderClass(driver)
                        .principal(new NamePrincipal(username))
                        .credential(new SimplePassword(password))));
        try {
            return AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database at " + redact(url)
                    + "; check academy.db.url, academy.db.username and academy.db.password", e);
        }
    }

    private void migrate() {
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("Database %s ready at schema version %s", redact(url), result.targetSchemaVersion);
    }

    /** The URL without its query part, which may carry credentials. */
    static String redact(String url) {
        int cut = url.indexOf('?');
        return cut < 0 ? url : url.substring(0, cut);
    }

    @PreDestroy
    void close() {
        pool.close();
    }
}
