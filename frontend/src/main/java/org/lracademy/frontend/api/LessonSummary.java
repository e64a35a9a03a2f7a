package org.lracademy.frontend.api;

/** A lesson as the course home lists it. */
public record LessonSummary(String slug, String title, String promise) {
}
