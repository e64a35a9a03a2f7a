package org.lracademy.schedule;

import java.util.OptionalDouble;

/**
 * A learning-rate schedule as a pure function of the optimiser step, in double precision.
 * Step {@code t} is the 0-based index of the optimiser update that uses the value, the convention
 * of PyTorch's {@code param_groups[g]["lr"]} read before each {@code optimizer.step()}.
 */
public interface LrSchedule {

    /** The learning rate that update {@code step} of parameter group {@code group} uses. */
    double lr(long step, int group);

    /** The momentum (or Adam's first beta) for that update, where the schedule cycles it. */
    default OptionalDouble momentum(long step, int group) {
        return OptionalDouble.empty();
    }

    /** How many parameter groups the schedule was built for. */
    default int groups() {
        return 1;
    }
}
