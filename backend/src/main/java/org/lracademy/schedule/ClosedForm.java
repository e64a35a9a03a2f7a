package org.lracademy.schedule;

/** A schedule whose rate at a step depends only on that step and the group's own base rate. */
interface ClosedForm extends LrSchedule {

    /** Each parameter group's base rate. */
    double[] bases();

    /** The closed form: the rate at step {@code t} for a group whose base rate is {@code base}. */
    double at(long t, double base);

    @Override
    default double lr(long step, int group) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be at least 0, got " + step);
        }
        return at(step, bases()[group]);
    }

    @Override
    default int groups() {
        return bases().length;
    }
}
