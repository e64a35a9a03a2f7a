package org.lracademy.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML files, several documents per file, into Jackson trees. */
final class Yaml {

    static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    static List<ObjectNode> documents(Path file) {
        ObjectReader reader = MAPPER.readerFor(JsonNode.class);
        List<ObjectNode> documents = new ArrayList<>();
        try (var values = reader.<JsonNode>readValues(file.toFile())) {
            while (values.hasNextValue()) {
                JsonNode document = values.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping but " + document);
                }
                documents.add((ObjectNode) document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return documents;
    }

    static ObjectNode single(Path file) {
        List<ObjectNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, expected one");
        }
        return documents.get(0);
    }
}
