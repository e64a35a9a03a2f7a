package org.lracademy.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleGoldenTest {

    static Stream<Golden> goldens() {
        return Golden.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void everyGoldenRateSeriesIsReproducedPerGroup(Golden golden) {
        LrSchedule schedule = ScheduleFactory.build(golden.spec(), golden.baseLrs(), golden.steps());

        assertEquals(golden.lrGroups().length, schedule.groups(), "groups");
        for (int g = 0; g < schedule.groups(); g++) {
            double[] lr = new double[golden.steps()];
            for (int t = 0; t < lr.length; t++) {
                lr[t] = schedule.lr(t, g);
            }
            Golden.assertSeries(golden.lrGroups()[g], lr, golden.name() + " lr group " + g);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void momentumIsCycledExactlyWhereTheGoldenRecordsIt(Golden golden) {
        LrSchedule schedule = ScheduleFactory.build(golden.spec(), golden.baseLrs(), golden.steps());

        if (golden.momentumGroups().isEmpty()) {
            assertFalse(schedule.momentum(0, 0).isPresent(), "no momentum expected");
            return;
        }
        double[][] expected = golden.momentumGroups().get();
        for (int g = 0; g < expected.length; g++) {
            double[] momentum = new double[golden.steps()];
            for (int t = 0; t < momentum.length; t++) {
                OptionalDouble m = schedule.momentum(t, g);
                assertTrue(m.isPresent(), "momentum at step " + t);
                momentum[t] = m.getAsDouble();
            }
            Golden.assertSeries(expected[g], momentum, golden.name() + " momentum group " + g);
        }
    }
}
