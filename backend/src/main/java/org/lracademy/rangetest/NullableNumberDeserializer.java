package org.lracademy.rangetest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a number field that distinguishes "left out" from an explicit JSON {@code null}: a left-out field becomes
 * Java {@code null} (take the default), {@code null} becomes {@link Optional#empty()} (switch the feature off),
 * a number becomes that number. Anything else is a type error naming the field.
 */
public final class NullableNumberDeserializer extends StdDeserializer<Optional<Double>> {

    public NullableNumberDeserializer() {
        super(Optional.class);
    }

    @Override
    public Optional<Double> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return Optional.of((Double) context.handleUnexpectedToken(Double.class, parser));
        }
        return Optional.of(parser.getDoubleValue());
    }

    @Override
    public Optional<Double> getNullValue(DeserializationContext context) {
        return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return null;
    }
}
