package org.lracademy.spec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON that cannot be read, told in the request's own terms: the field by its path, the rule it breaks, and never
 * a Java class or a parser setting. Also the strict reading every request gets: unknown fields, a string where a
 * number belongs, or a fraction where a whole number belongs are errors, not guesses.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** Makes a mapper refuse what a request must not get away with. */
    public static <M extends ObjectMapper> M strict(M mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** A new strict mapper, for reading request bodies into records. */
    public static ObjectMapper strictMapper() {
        return strict(JsonMapper.builder().build());
    }

    /** The violation a JSON failure amounts to. */
    public static Violation violation(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return Violation.of(orBody(path(u)), u.getPropertyName(), "is not a known field"
                    + (known.isEmpty() ? "" : "; known fields here: " + String.join(", ", known)));
        }
        if (e instanceof MismatchedInputException m) {
            Object value = m instanceof InvalidFormatException f ? f.getValue() : null;
            String expected = m.getTargetType() == null ? "of another type" : describe(m.getTargetType());
            return Violation.of(orBody(path(m)), value, "must be " + expected);
        }
        if (e instanceof JsonMappingException m) {
            return Violation.of(orBody(path(m)), null, "could not be read as the field it names");
        }
        if (e instanceof StreamConstraintsException) {
            return Violation.of("body", null, "is too large or nested too deeply to be read");
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String reason;
        if (message.contains("NaN") || message.contains("Infinity")) {
            reason = "NaN and Infinity are not JSON numbers: send a finite number, or null where a value may be absent";
        } else if (message.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
            reason = "the document is nested too deeply";
        } else if (e instanceof JsonParseException) {
            reason = message.split("\n")[0].replaceAll("`[^`]*`", "").replaceAll("\\s*\\(for [^)]*\\)", "").trim();
        } else {
            reason = "the document could not be read";
        }
        return Violation.of("body", null, "must be well-formed JSON; reading failed" + where + ": " + reason);
    }

    /** The dotted path of the field being read, for example {@code params.T_max} or {@code lrs[2]}. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String orBody(String field) {
        return field.isEmpty() ? "body" : field;
    }

    private static String describe(Class<?> type) {
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == int[].class || type == long[].class) {
            return "an array of whole numbers";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the documented names";
        }
        return "a JSON object";
    }
}
