/**
 * The learning-rate range test as plain maths: the LR ladder, loss smoothing, the stop rule, the sweep
 * driver over a {@link org.lracademy.rangetest.StepTrainer}, the suggestions, the recommended range,
 * the aggregation of repeated runs and the diagnosis of any loss curve. Knows nothing of DJL, HTTP or jobs.
 */
package org.lracademy.rangetest;
