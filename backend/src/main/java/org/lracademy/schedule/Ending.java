package org.lracademy.schedule;

import java.util.Optional;

/** A schedule with an annealing window whose end behaviour can be chosen. */
interface Ending {

    /** The behaviour past the end of the window; empty when the schedule has no such window. */
    Optional<AfterEnd> afterEnd();
}
