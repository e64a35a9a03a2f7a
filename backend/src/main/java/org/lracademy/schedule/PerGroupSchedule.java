package org.lracademy.schedule;

/** A schedule whose rate at a step depends only on that step and the group's own base rate. */
abstract class PerGroupSchedule implements LrSchedule {

    private final double[] baseLrs;

    PerGroupSchedule(double[] baseLrs) {
        this.baseLrs = baseLrs.clone();
    }

    /** The closed form: the rate at step {@code t} for a group whose base rate is {@code base}. */
    abstract double at(long t, double base);

    @Override
    public final double lr(long step, int group) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be at least 0, got " + step);
        }
        return at(step, baseLrs[group]);
    }

    @Override
    public final int groups() {
        return baseLrs.length;
    }

    final double base(int group) {
        return baseLrs[group];
    }
}
