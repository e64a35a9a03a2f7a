/**
 * Learning-rate schedules as pure functions of the optimiser step, with PyTorch's semantics and parameter names.
 * Knows nothing of DJL, HTTP or jobs.
 *
 * <p>{@link org.lracademy.schedule.ScheduleFactory} checks a {@link org.lracademy.schedule.ScheduleSpec} against
 * the limits its catalogue publishes and builds the {@link org.lracademy.schedule.LrSchedule}. Every schedule is
 * a closed form evaluated in double precision, except {@code ChainedScheduler}, whose result in PyTorch depends
 * on its children's recursive updates and is reproduced with them.
 */
package org.lracademy.schedule;
