package io.mspcs.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * Strict structural check of rendered objects against the Kubernetes API (fabric8 models, the
 * same types the API server's OpenAPI describes) and Strimzi's CRD models: unknown fields at any
 * depth, wrong types (no scalar coercion: a number where the API wants a string fails, as the API
 * server's decoder does), invalid enum values of Strimzi, unparsable quantities. Only the
 * apiVersion/kind pairs the platform uses are known; any other is a problem too.
 */
final class ModelSchema {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaConnect", KafkaConnect.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaConnector", KafkaConnector.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private final ObjectMapper mapper = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
            LogicalType.Boolean}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String}) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        // Same shape to same type stays allowed; only cross-shape coercions fail.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        return mapper;
    }

    static boolean knows(JsonNode object) {
        return TYPES.containsKey(key(object));
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    void validate(JsonNode object, String where, Problems problems) {
        Class<?> type = TYPES.get(key(object));
        if (type == null) {
            problems.add(where, "no API model known for " + key(object)
                    + " (add it to ModelSchema if the platform really needs this kind)");
            return;
        }
        Object typed;
        try {
            typed = mapper.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            problems.add(where, "does not match " + type.getSimpleName() + ": " + describe(e));
            return;
        }
        new Walk(problems, where).visit(typed, "", 0);
    }

    private static String describe(JsonProcessingException e) {
        String path = "";
        if (e instanceof JsonMappingException mapping) {
            StringBuilder builder = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                builder.append(reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]");
            }
            path = builder.toString();
        }
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        return (path.isEmpty() ? "" : "at " + path + ": ") + message;
    }

    /** Visits every model object and reports the fields the model did not know (kept aside by any-setters). */
    private static final class Walk {
        private final Problems problems;
        private final String where;

        Walk(Problems problems, String where) {
            this.problems = problems;
            this.where = where;
        }

        void visit(Object value, String path, int depth) {
            if (value == null || depth > 60) {
                return;
            }
            if (value instanceof Collection<?> collection) {
                int index = 0;
                for (Object element : collection) {
                    visit(element, path + "[" + index++ + "]", depth + 1);
                }
                return;
            }
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, element) -> visit(element, path + "." + key, depth + 1));
                return;
            }
            if (value instanceof Enum<?> || !isModel(value.getClass())) {
                return;
            }
            if (value instanceof Quantity quantity) {
                try {
                    Quantity.getAmountInBytes(quantity);
                } catch (RuntimeException e) {
                    problems.add(where, "invalid quantity '" + quantity + "' at " + path);
                }
                return;
            }
            for (Class<?> type = value.getClass(); type != null && isOurs(type); type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    Object fieldValue = read(field, value);
                    if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(name -> problems.add(where, "unknown field " + path + "." + name));
                    } else {
                        visit(fieldValue, path + "." + field.getName(), depth + 1);
                    }
                }
            }
        }

        private static Object read(Field field, Object owner) {
            try {
                field.setAccessible(true);
                return field.get(owner);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static boolean isModel(Class<?> type) {
            String name = type.getName();
            return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.fabric8.openshift.api.model.")
                    || name.startsWith("io.strimzi.api.");
        }

        private static boolean isOurs(Class<?> type) {
            String name = type.getName();
            return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
        }
    }
}
