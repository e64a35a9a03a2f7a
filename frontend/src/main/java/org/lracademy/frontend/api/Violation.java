package org.lracademy.frontend.api;

/** One reason the backend refused a request: the field, the value it got and the rule it broke. */
public record Violation(String field, String value, String rule) {
}
