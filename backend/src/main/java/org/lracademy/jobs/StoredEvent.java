package org.lracademy.jobs;

/**
 * One entry of a job's event log.
 *
 * @param seq  the per-job sequence number, from 1 without gaps
 * @param data the event's JSON text
 */
public record StoredEvent(long seq, String type, String data) {
}
