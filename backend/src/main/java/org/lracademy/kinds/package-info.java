/**
 * The job kinds the service runs: a training, an LR range test, and the comparison that queues one
 * training per value it varies. Each kind turns a submitted spec into calls on the training engine,
 * the schedule package and the range-test sweep, and reports what happens as job events.
 */
package org.lracademy.kinds;
