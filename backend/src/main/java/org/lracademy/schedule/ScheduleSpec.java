package org.lracademy.schedule;

import java.util.Map;

/**
 * The schedule part of a request: a scheduler by its PyTorch class name and its constructor arguments by
 * PyTorch's names. Children of {@code SequentialLR} and {@code ChainedScheduler} go in
 * {@code params.schedulers} as objects with a {@code name} and their own parameters. Checked and turned into
 * an {@link LrSchedule} by {@link ScheduleFactory}.
 *
 * @param scheduler for example {@code CosineAnnealingLR}; {@link ScheduleFactory#catalogue()} lists them
 * @param params    the arguments as JSON gives them (numbers, booleans, strings, lists, objects)
 */
public record ScheduleSpec(String scheduler, Map<String, Object> params) {
}
