package org.lracademy.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks documents against the typed Kubernetes API model of fabric8, strictly: an unknown apiVersion/kind, an
 * unknown field at any depth, or a value of the wrong type (a number where the API wants a string) is an error.
 * The model classes keep unknown fields in a catch-all map; that map is switched off here, so they fail instead.
 */
final class KubernetesTypes {

    private static final KubernetesSerialization REGISTRY = new KubernetesSerialization();
    private static final ObjectMapper STRICT = strictMapper();

    private KubernetesTypes() {
    }

    /** The problems of each document, as "Kind/namespace/name: problem"; empty when all are valid. */
    static List<String> problems(List<ObjectNode> documents) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : documents) {
            String problem = problem(document);
            if (problem != null) {
                problems.add(Kustomize.id(document) + ": " + problem);
            }
        }
        return problems;
    }

    static String problem(ObjectNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        Class<? extends KubernetesResource> type = REGISTRY.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || GenericKubernetesResource.class.equals(type)) {
            return "no Kubernetes API type " + apiVersion + " " + kind;
        }
        try {
            STRICT.treeToValue(document, type);
            return null;
        } catch (Exception e) {
            return e.getMessage().lines().findFirst().orElse("") + " at " + path(e);
        }
    }

    private static String path(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                path.append(reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]");
            }
            return path.length() == 0 ? "(document)" : path.substring(path.charAt(0) == '.' ? 1 : 0);
        }
        return "(document)";
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }
}
