package org.lracademy.rangetest;

/** Receives each point of a sweep as soon as it is recorded, on the thread that runs the sweep. */
@FunctionalInterface
public interface SweepListener {

    void onPoint(SweepPoint point);
}
