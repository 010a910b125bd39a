package io.mspcs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** One rendered overlay: its objects, with look-ups by kind and name. */
record Rendered(String overlay, List<ObjectNode> objects) {

    boolean isProd() {
        return overlay.equals("prod");
    }

    List<ObjectNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst();
    }

    /** The value of key {@code key} in ConfigMap {@code name}, if both exist. */
    Optional<String> configValue(String name, String key) {
        return find("ConfigMap", name).map(c -> c.path("data").get(key)).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    String where(JsonNode object) {
        return overlay + " " + Repo.id(object);
    }
}
