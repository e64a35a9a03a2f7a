/**
 * The job service: queue, device slots, placement, cancellation, persistence, recovery and each
 * job's event log. Knows nothing of what a job computes; kinds of work plug in as {@link
 * org.lracademy.jobs.JobKind}.
 */
package org.lracademy.jobs;
