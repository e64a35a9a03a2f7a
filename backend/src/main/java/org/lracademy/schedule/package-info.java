/**
 * Learning-rate schedules as pure functions of the optimiser step, with PyTorch's semantics and
 * parameter names. Knows nothing of DJL, HTTP or jobs.
 */
package org.lracademy.schedule;
