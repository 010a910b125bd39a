package io.mspcs.gateway.service;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the platform's (gateway.md §8): every operation is tagged with its
 * service, schemas are renamed {@code <service>.<name>} (so two services may both have a {@code Problem}), the
 * headers only the gateway sets are dropped, and the platform's two credential schemes are added. A path declared by
 * two services is kept from the first and reported.
 */
public final class OpenApiMerge {

    /** Headers the gateway sets on forwarded calls; callers never send them. */
    static final Set<String> INTERNAL_HEADERS = Set.of("x-gateway-token", "x-tenant-id", "x-principal-id", "x-roles",
            "x-scopes");

    public record Merged(JsonObject document, List<String> duplicatePaths) {
    }

    private OpenApiMerge() {
    }

    /** @param documents service name → its document, in a fixed order */
    public static Merged merge(Map<String, JsonObject> documents, JsonObject ownPaths) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonArray tags = new JsonArray();
        List<String> duplicates = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        ownPaths.forEach(entry -> {
            paths.put(entry.getKey(), entry.getValue());
            owners.put(entry.getKey(), "gateway");
        });
        tags.add(new JsonObject().put("name", "gateway").put("description", "The gateway's own endpoints"));
        documents.forEach((service, original) -> {
            JsonObject document = (JsonObject) renameRefs(original.copy(), service);
            tags.add(new JsonObject().put("name", service));
            JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
            for (String path : servicePaths.fieldNames()) {
                if (owners.containsKey(path)) {
                    duplicates.add(path + " (" + owners.get(path) + ", " + service + ")");
                    continue;
                }
                owners.put(path, service);
                paths.put(path, tagged(servicePaths.getJsonObject(path), service));
            }
            JsonObject serviceSchemas = document.getJsonObject("components", new JsonObject())
                    .getJsonObject("schemas", new JsonObject());
            serviceSchemas.forEach(entry -> schemas.put(service + "." + entry.getKey(), entry.getValue()));
        });
        JsonObject merged = new JsonObject().put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Customer Success platform API").put("version", "v1"))
                .put("tags", tags).put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", new JsonObject()
                        .put("apiKey", new JsonObject().put("type", "apiKey").put("in", "header").put("name", "X-Api-Key"))
                        .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))))
                .put("security", new JsonArray().add(new JsonObject().put("apiKey", new JsonArray()))
                        .add(new JsonObject().put("bearer", new JsonArray())));
        return new Merged(merged, duplicates);
    }

    private static JsonObject tagged(JsonObject pathItem, String service) {
        JsonObject item = pathItem.copy();
        dropInternalHeaders(item);
        for (String method : item.fieldNames()) {
            if (item.getValue(method) instanceof JsonObject operation && !method.equals("parameters")) {
                dropInternalHeaders(operation);
                JsonArray operationTags = new JsonArray().add(service);
                operation.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                    if (!service.equals(tag)) {
                        operationTags.add(tag);
                    }
                });
                operation.put("tags", operationTags);
            }
        }
        return item;
    }

    private static void dropInternalHeaders(JsonObject holder) {
        JsonArray parameters = holder.getJsonArray("parameters");
        if (parameters == null) {
            return;
        }
        JsonArray kept = new JsonArray();
        parameters.forEach(parameter -> {
            if (!(parameter instanceof JsonObject p && "header".equals(p.getString("in"))
                    && INTERNAL_HEADERS.contains(String.valueOf(p.getString("name")).toLowerCase()))) {
                kept.add(parameter);
            }
        });
        holder.put("parameters", kept);
    }

    private static Object renameRefs(Object node, String service) {
        if (node instanceof JsonObject object) {
            for (String key : new ArrayList<>(object.fieldNames())) {
                Object value = object.getValue(key);
                if (key.equals("$ref") && value instanceof String ref && ref.startsWith("#/components/schemas/")) {
                    object.put(key, "#/components/schemas/" + service + "." + ref.substring("#/components/schemas/".length()));
                } else {
                    object.put(key, renameRefs(value, service));
                }
            }
            return object;
        }
        if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, renameRefs(array.getValue(i), service));
            }
            return array;
        }
        return node;
    }
}
