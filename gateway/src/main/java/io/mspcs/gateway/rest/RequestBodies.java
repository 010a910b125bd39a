package io.mspcs.gateway.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The edge's checks of JSON write bodies (gateway.md §7, §11 #14–#18): well-formed, at most 32 levels deep, at most
 * 5,000 bulk items, and no NUL character in any text (services would store it; PostgreSQL text refuses it).
 */
final class RequestBodies {

    static final int MAX_DEPTH = 32;
    static final int MAX_BULK_ITEMS = 5_000;

    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());

    private RequestBodies() {
    }

    sealed interface Verdict permits Fine, Malformed, TooManyItems, NulCharacter {
    }

    record Fine(JsonNode json) implements Verdict {
    }

    record Malformed(String detail) implements Verdict {
    }

    record TooManyItems(int count) implements Verdict {
    }

    record NulCharacter(String field) implements Verdict {
    }

    static Verdict check(byte[] body, boolean bulk) {
        JsonNode json;
        try {
            json = STRICT.readTree(body);
        } catch (IOException e) {
            boolean tooDeep = e.getMessage() != null && e.getMessage().contains("nesting depth");
            return new Malformed(tooDeep ? "JSON is nested deeper than " + MAX_DEPTH + " levels" : "The body is not valid JSON");
        }
        if (json == null || json.isMissingNode()) {
            return new Malformed("The body is not valid JSON");
        }
        if (bulk && json.path("items").isArray() && json.path("items").size() > MAX_BULK_ITEMS) {
            return new TooManyItems(json.path("items").size());
        }
        Optional<String> nul = firstNul(json, "");
        return nul.<Verdict>map(NulCharacter::new).orElse(new Fine(json));
    }

    private static Optional<String> firstNul(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? Optional.of(path.isEmpty() ? "body" : path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = firstNul(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().indexOf('\u0000') >= 0) {
                    return Optional.of(name);
                }
                Optional<String> found = firstNul(field.getValue(), name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
