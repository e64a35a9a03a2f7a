package org.lracademy.schedule;

/**
 * PyTorch's recursive form of a scheduler: each step transforms whatever rate the parameter group holds.
 * Only {@link ChainedScheduler} uses it, because that is the one place where PyTorch's result depends on it;
 * everywhere else the closed form gives the same numbers without carrying state.
 */
interface Chainable {

    /**
     * The rate the scheduler's step number {@code t} leaves in a group that held {@code current} before it;
     * {@code t = 0} is the step PyTorch's constructor makes.
     */
    double next(long t, double current, double base);
}
