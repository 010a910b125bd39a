package io.mspcs.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the catalogue, loaded from {@code events/} on the classpath: the envelope schema and,
 * per type, the schema of its {@code data} ({@code events/<domain>/<Event>.v1.schema.json}).
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Resource path of a type's data schema, e.g. {@code events/health/DmiDropped.v1.schema.json}. */
    public static String schemaPath(String type) {
        return resourceBase(type) + ".schema.json";
    }

    /** Resource path of a type's example envelope. */
    public static String examplePath(String type) {
        return resourceBase(type) + ".example.json";
    }

    private static String resourceBase(String type) {
        String[] parts = type.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an event type: " + type);
        }
        return "events/" + parts[0] + "/" + parts[1] + "." + parts[2];
    }

    /**
     * Validates a complete envelope: the envelope schema, then the data schema of its type.
     * Returns the violations, empty when valid.
     */
    public static List<String> violations(JsonNode envelope) {
        List<String> problems = new ArrayList<>(messages(schema("events/envelope.v1.schema.json"), envelope, "envelope"));
        JsonNode type = envelope.get("type");
        if (type != null && type.isTextual() && envelope.has("data")) {
            problems.addAll(messages(schema(schemaPath(type.asText())), envelope.get("data"), "data"));
        }
        return problems;
    }

    public static JsonNode readResource(String path) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String path) {
        return CACHE.computeIfAbsent(path, p -> FACTORY.getSchema(readResource(p)));
    }

    private static List<String> messages(JsonSchema schema, JsonNode node, String part) {
        return schema.validate(node).stream().map(ValidationMessage::getMessage).map(m -> part + ": " + m).toList();
    }
}
