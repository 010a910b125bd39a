package io.mspcs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch (add, remove, replace, move, copy, test) on Jackson trees, as Kustomize
 * applies a {@code patches} entry whose content is a list of operations. A path that does not
 * exist where the operation needs it is an error, as it is for Kustomize.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ArrayNode operations, ObjectNode document, String origin) {
        int index = 0;
        for (JsonNode operation : operations) {
            String where = origin + " operation " + index++;
            String op = text(operation, "op", where);
            List<String> path = pointer(text(operation, "path", where), where);
            switch (op) {
                case "add" -> add(document, path, value(operation, where), where);
                case "remove" -> remove(document, path, where);
                case "replace" -> {
                    remove(document, path, where);
                    add(document, path, value(operation, where), where);
                }
                case "move" -> {
                    List<String> from = pointer(text(operation, "from", where), where);
                    JsonNode moved = get(document, from, where);
                    remove(document, from, where);
                    add(document, path, moved, where);
                }
                case "copy" -> add(document, path,
                        get(document, pointer(text(operation, "from", where), where), where).deepCopy(), where);
                case "test" -> {
                    if (!get(document, path, where).equals(value(operation, where))) {
                        throw new KustomizeRenderer.RenderException(where + ": test failed at " + path);
                    }
                }
                default -> throw new KustomizeRenderer.RenderException(where + ": unknown op '" + op + "'");
            }
        }
    }

    private static String text(JsonNode operation, String field, String where) {
        JsonNode value = operation.get(field);
        if (value == null || !value.isTextual()) {
            throw new KustomizeRenderer.RenderException(where + ": '" + field + "' missing");
        }
        return value.asText();
    }

    private static JsonNode value(JsonNode operation, String where) {
        if (!operation.has("value")) {
            throw new KustomizeRenderer.RenderException(where + ": 'value' missing");
        }
        return operation.get("value").deepCopy();
    }

    static List<String> pointer(String pointer, String where) {
        if (pointer.isEmpty() || pointer.charAt(0) != '/') {
            throw new KustomizeRenderer.RenderException(where + ": path must start with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode get(JsonNode document, List<String> path, String where) {
        JsonNode node = document;
        for (String token : path) {
            node = child(node, token, where, path);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token, String where, List<String> path) {
        JsonNode next = null;
        if (node.isObject()) {
            next = node.get(token);
        } else if (node.isArray()) {
            int index = index(token, node.size() - 1, where);
            next = node.get(index);
        }
        if (next == null) {
            throw new KustomizeRenderer.RenderException(where + ": path /" + String.join("/", path) + " does not exist");
        }
        return next;
    }

    private static void add(JsonNode document, List<String> path, JsonNode value, String where) {
        JsonNode parent = get(document, path.subList(0, path.size() - 1), where);
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(last, array.size(), where), value);
            }
        } else {
            throw new KustomizeRenderer.RenderException(where + ": cannot add below a scalar at " + path);
        }
    }

    private static void remove(JsonNode document, List<String> path, String where) {
        JsonNode parent = get(document, path.subList(0, path.size() - 1), where);
        String last = path.get(path.size() - 1);
        if (parent.isObject() && parent.has(last)) {
            ((ObjectNode) parent).remove(last);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).remove(index(last, parent.size() - 1, where));
        } else {
            throw new KustomizeRenderer.RenderException(where + ": path /" + String.join("/", path) + " does not exist");
        }
    }

    private static int index(String token, int max, String where) {
        try {
            int index = Integer.parseInt(token);
            if (index < 0 || index > max || (token.length() > 1 && token.startsWith("0"))) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            throw new KustomizeRenderer.RenderException(where + ": bad array index '" + token + "'");
        }
    }
}
