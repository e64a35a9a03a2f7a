package org.lracademy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lracademy.jobs.DevicePool;
import org.lracademy.jobs.Dispatcher;
import org.lracademy.jobs.JobStore;

/** The device slots of every live worker: this process's own as they are now, others' as last heartbeated. */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DeviceResource {

    /** One device of one worker. */
    public record Device(String worker, String name, String type, int slots, @JsonProperty("in_use") int inUse,
            int free) {
    }

    /** All devices and their totals. */
    public record Devices(List<Device> devices, int slots, @JsonProperty("in_use") int inUse, int free) {
    }

    @Inject
    Dispatcher dispatcher;
    @Inject
    JobStore store;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "academy.jobs.worker-timeout", defaultValue = "30s")
    Duration workerTimeout;

    @GET
    public Devices list() throws java.io.IOException {
        List<Device> devices = new ArrayList<>();
        String self = dispatcher.workerId();
        dispatcher.pool().ifPresent(pool -> {
            for (DevicePool.Device d : pool.devices()) {
                devices.add(new Device(self, d.name(), d.gpu() ? "gpu" : "cpu", d.slots(), d.inUse().get(),
                        d.free()));
            }
        });
        long since = System.currentTimeMillis() - workerTimeout.toMillis();
        for (Map.Entry<String, String> worker : store.liveWorkers(since).entrySet()) {
            if (worker.getKey().equals(self)) {
                continue;
            }
            for (JsonNode d : json.readTree(worker.getValue())) {
                int slots = d.path("slots").asInt();
                int inUse = d.path("in_use").asInt();
                devices.add(new Device(worker.getKey(), d.path("name").asText(), d.path("type").asText(), slots,
                        inUse, slots - inUse));
            }
        }
        int slots = devices.stream().mapToInt(Device::slots).sum();
        int inUse = devices.stream().mapToInt(Device::inUse).sum();
        return new Devices(devices, slots, inUse, slots - inUse);
    }
}
