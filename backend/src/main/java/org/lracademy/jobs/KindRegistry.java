package org.lracademy.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The kinds of work this process can run: every {@link JobKind} bean, found by name. The demo kind {@code sleep}
 * is left out unless {@code academy.demo-kinds} is true.
 */
@ApplicationScoped
public class KindRegistry {

    private final Map<String, JobKind> kinds = new TreeMap<>();

    @Inject
    KindRegistry(Instance<JobKind> beans, @ConfigProperty(name = "academy.demo-kinds", defaultValue = "false")
            boolean demoKinds) {
        for (JobKind kind : beans) {
            if (demoKinds || !(kind instanceof SleepKind)) {
                JobKind earlier = kinds.putIfAbsent(kind.name(), kind);
                if (earlier != null) {
                    throw new IllegalStateException("Two job kinds are named '" + kind.name() + "': "
                            + earlier.getClass().getName() + " and " + kind.getClass().getName());
                }
            }
        }
    }

    /** Only for a framework proxy. */
    protected KindRegistry() {
    }

    public Optional<JobKind> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    public java.util.Set<String> names() {
        return kinds.keySet();
    }
}
