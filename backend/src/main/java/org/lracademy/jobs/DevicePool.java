package org.lracademy.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device slots of this process: {@code slotsPerGpu} on each GPU and {@code cpuSlots} on the CPU. A job that
 * can use a GPU takes a GPU slot when one is free and the CPU otherwise.
 */
public final class DevicePool {

    /** One device and how many of its slots are taken. */
    public record Device(String name, boolean gpu, int slots, AtomicInteger inUse) {
        public int free() {
            return slots - inUse.get();
        }
    }

    private final List<Device> devices = new ArrayList<>();

    public DevicePool(int gpus, int slotsPerGpu, int cpuSlots) {
        for (int g = 0; g < gpus && slotsPerGpu > 0; g++) {
            devices.add(new Device("gpu(" + g + ")", true, slotsPerGpu, new AtomicInteger()));
        }
        if (cpuSlots > 0) {
            devices.add(new Device("cpu", false, cpuSlots, new AtomicInteger()));
        }
    }

    public List<Device> devices() {
        return List.copyOf(devices);
    }

    /** The device a job would go to now, GPU first when it can use one; nothing is taken yet. */
    public synchronized Optional<String> place(boolean gpuCapable) {
        return devices.stream().filter(d -> d.free() > 0 && (gpuCapable || !d.gpu()))
                .sorted((a, b) -> a.gpu() == b.gpu() ? Integer.compare(b.free(), a.free()) : a.gpu() ? -1 : 1)
                .map(Device::name).findFirst();
    }

    public synchronized void take(String device) {
        find(device).inUse().incrementAndGet();
    }

    public synchronized void free(String device) {
        find(device).inUse().decrementAndGet();
    }

    public int slots() {
        return devices.stream().mapToInt(Device::slots).sum();
    }

    public int inUse() {
        return devices.stream().mapToInt(d -> d.inUse().get()).sum();
    }

    private Device find(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No device " + name + " in this process"));
    }
}
