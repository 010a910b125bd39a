package io.mspcs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of Kustomize (v5) that deploy/k8s uses, so overlays render where no kubectl or
 * kustomize binary exists. Anything else in a kustomization is refused loudly rather than
 * approximated; where kubectl exists, the tests also compare this output with
 * {@code kubectl kustomize} object by object.
 *
 * <p>Supported: {@code resources} (files, directories with a kustomization), {@code namespace},
 * {@code labels} (pairs on metadata.labels only), {@code images}, {@code replicas},
 * {@code patches} holding RFC 6902 operations with a {@code target} (kind, name, namespace,
 * group, version, labelSelector), {@code secretGenerator}/{@code configMapGenerator} with
 * literals, {@code configMapGenerator} files ({@code name} or {@code key=name}, in or below the
 * kustomization's directory) and {@code options.labels}, and
 * {@code generatorOptions.disableNameSuffixHash: true}. Transformers run in
 * Kustomize's order: patches, namespace, labels, replicas, images.
 */
final class KustomizeRenderer {

    static final class RenderException extends RuntimeException {
        RenderException(String message) {
            super(message);
        }
    }

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "patches", "images", "replicas", "secretGenerator", "configMapGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    List<ObjectNode> render(Path directory) {
        List<ObjectNode> objects = build(directory.toAbsolutePath().normalize(), new ArrayDeque<>());
        Set<String> ids = new HashSet<>();
        for (ObjectNode object : objects) {
            String id = object.path("apiVersion").asText().replaceAll("/.*", "") + "|" + Repo.id(object);
            if (!ids.add(id)) {
                throw new RenderException(directory + ": resource defined twice: " + Repo.id(object));
            }
        }
        return objects;
    }

    private List<ObjectNode> build(Path directory, Deque<Path> stack) {
        if (stack.contains(directory)) {
            throw new RenderException("kustomization cycle through " + directory);
        }
        stack.push(directory);
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new RenderException(directory + " has no kustomization.yaml");
        }
        String where = Repo.ROOT.relativize(file).toString();
        JsonNode kustomization = Repo.readYaml(file);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new RenderException(where + ": field '" + field + "' is not supported by the Java renderer");
            }
        });
        expect(kustomization, "apiVersion", "kustomize.config.k8s.io/v1beta1", where);
        expect(kustomization, "kind", "Kustomization", where);

        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path target = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(target)) {
                objects.addAll(build(target, stack));
            } else if (Files.isRegularFile(target)) {
                objects.addAll(load(target));
            } else {
                throw new RenderException(where + ": resource '" + resource.asText() + "' does not exist");
            }
        }
        objects.addAll(generate(kustomization, directory, where));
        patch(kustomization, directory, where, objects);
        namespace(kustomization, objects);
        labels(kustomization, where, objects);
        replicas(kustomization, where, objects);
        images(kustomization, where, objects);
        stack.pop();
        return objects;
    }

    private static void expect(JsonNode kustomization, String field, String value, String where) {
        if (kustomization.has(field) && !kustomization.get(field).asText().equals(value)) {
            throw new RenderException(where + ": " + field + " must be " + value);
        }
    }

    private static List<ObjectNode> load(Path file) {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode document : Repo.readYamlDocuments(file)) {
            if (!document.isObject() || !document.path("apiVersion").isTextual() || !document.path("kind").isTextual()
                    || !document.path("metadata").path("name").isTextual()) {
                throw new RenderException(Repo.ROOT.relativize(file)
                        + ": every document needs apiVersion, kind and metadata.name");
            }
            objects.add((ObjectNode) document);
        }
        return objects;
    }

    // ---- generators ---------------------------------------------------------------------------

    private static List<ObjectNode> generate(JsonNode kustomization, Path directory, String where) {
        List<ObjectNode> generated = new ArrayList<>();
        boolean any = kustomization.has("secretGenerator") || kustomization.has("configMapGenerator");
        JsonNode options = kustomization.path("generatorOptions");
        options.fieldNames().forEachRemaining(field -> {
            if (!field.equals("disableNameSuffixHash")) {
                throw new RenderException(where + ": generatorOptions." + field + " is not supported");
            }
        });
        if (any && !options.path("disableNameSuffixHash").asBoolean(false)) {
            throw new RenderException(where + ": generators need generatorOptions.disableNameSuffixHash: true"
                    + " (name hashes are not implemented by the Java renderer)");
        }
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            ObjectNode secret = generated(generator, "Secret", where);
            secret.put("type", generator.path("type").asText("Opaque"));
            ObjectNode data = secret.putObject("data");
            literals(generator, where).forEach((key, value) ->
                    data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
            generated.add(secret);
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            ObjectNode configMap = generated(generator, "ConfigMap", where);
            ObjectNode data = configMap.putObject("data");
            literals(generator, where).forEach(data::put);
            files(generator, directory, where).forEach(data::put);
            generated.add(configMap);
        }
        return generated;
    }

    private static ObjectNode generated(JsonNode generator, String kind, String where) {
        generator.fieldNames().forEachRemaining(field -> {
            if (!Set.of("name", "literals", "type", "behavior", "files", "options").contains(field)
                    || (field.equals("type") && kind.equals("ConfigMap"))
                    || (field.equals("files") && kind.equals("Secret"))) {
                throw new RenderException(where + ": " + kind + " generator field '" + field + "' is not supported");
            }
        });
        if (!generator.path("behavior").asText("create").equals("create")) {
            throw new RenderException(where + ": only generators with behavior 'create' are supported");
        }
        ObjectNode object = NODES.objectNode();
        object.put("apiVersion", "v1");
        object.put("kind", kind);
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", generator.path("name").asText());
        JsonNode options = generator.path("options");
        options.fieldNames().forEachRemaining(field -> {
            if (!field.equals("labels")) {
                throw new RenderException(where + ": " + kind + " generator option '" + field + "' is not supported");
            }
        });
        if (options.path("labels").size() > 0) {
            ObjectNode labels = metadata.putObject("labels");
            options.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        }
        return object;
    }

    /** {@code name} or {@code key=name}: the file's content under its name (or the key), like Kustomize. */
    private static Map<String, String> files(JsonNode generator, Path directory, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode entry : generator.path("files")) {
            String text = entry.asText();
            int equals = text.indexOf('=');
            String file = equals < 0 ? text : text.substring(equals + 1);
            Path path = directory.resolve(file).normalize();
            if (!path.startsWith(directory) || !Files.isRegularFile(path)) {
                throw new RenderException(where + ": generator file '" + file + "' is missing or outside " + directory);
            }
            values.put(equals < 0 ? path.getFileName().toString() : text.substring(0, equals), Repo.read(path));
        }
        return values;
    }

    private static Map<String, String> literals(JsonNode generator, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asText();
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new RenderException(where + ": literal '" + text + "' is not key=value");
            }
            values.put(text.substring(0, equals), text.substring(equals + 1));
        }
        return values;
    }

    // ---- transformers -------------------------------------------------------------------------

    private static void patch(JsonNode kustomization, Path directory, String where, List<ObjectNode> objects) {
        for (JsonNode entry : kustomization.path("patches")) {
            entry.fieldNames().forEachRemaining(field -> {
                if (!Set.of("path", "patch", "target").contains(field)) {
                    throw new RenderException(where + ": patches field '" + field + "' is not supported");
                }
            });
            String origin = entry.has("path") ? entry.get("path").asText() : "inline patch";
            String text = entry.has("path") ? Repo.read(directory.resolve(entry.get("path").asText()))
                    : entry.path("patch").asText();
            List<JsonNode> documents = Repo.parseYamlDocuments(text, origin);
            if (documents.size() != 1 || !documents.get(0).isArray()) {
                throw new RenderException(where + ": " + origin + " is not a JSON 6902 patch (a list of operations);"
                        + " strategic-merge patches are not supported by the Java renderer");
            }
            JsonNode target = entry.get("target");
            if (target == null) {
                throw new RenderException(where + ": " + origin + " needs a target");
            }
            int matched = 0;
            for (ObjectNode object : objects) {
                if (matches(target, object, where)) {
                    JsonPatch.apply((ArrayNode) documents.get(0), object, where + " " + origin + " on " + Repo.id(object));
                    matched++;
                }
            }
            if (matched == 0) {
                throw new RenderException(where + ": " + origin + " matches no resource (target " + target + ")");
            }
        }
    }

    private static boolean matches(JsonNode target, ObjectNode object, String where) {
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        JsonNode metadata = object.path("metadata");
        Iterator<String> fields = target.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            String wanted = target.get(field).asText();
            boolean ok = switch (field) {
                case "kind" -> wanted.equals(object.path("kind").asText());
                case "group" -> wanted.equals(group);
                case "version" -> wanted.equals(version);
                case "name" -> Pattern.compile(wanted).matcher(metadata.path("name").asText()).matches();
                case "namespace" -> Pattern.compile(wanted).matcher(metadata.path("namespace").asText()).matches();
                case "labelSelector" -> selects(wanted, metadata.path("labels"));
                default -> throw new RenderException(where + ": patch target field '" + field + "' is not supported");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Equality-based label selector: {@code a=b,c!=d,e}. */
    static boolean selects(String selector, JsonNode labels) {
        for (String term : selector.split(",")) {
            term = term.trim();
            if (term.contains("!=")) {
                String[] kv = term.split("!=", 2);
                if (kv[1].trim().equals(labels.path(kv[0].trim()).asText(null))) {
                    return false;
                }
            } else if (term.contains("=")) {
                String[] kv = term.split("==?", 2);
                if (!kv[1].trim().equals(labels.path(kv[0].trim()).asText(null))) {
                    return false;
                }
            } else if (!labels.has(term)) {
                return false;
            }
        }
        return true;
    }

    private static void namespace(JsonNode kustomization, List<ObjectNode> objects) {
        if (!kustomization.hasNonNull("namespace")) {
            return;
        }
        String namespace = kustomization.get("namespace").asText();
        for (ObjectNode object : objects) {
            String kind = object.path("kind").asText();
            if (CLUSTER_SCOPED.contains(kind)) {
                continue;
            }
            ((ObjectNode) object.get("metadata")).put("namespace", namespace);
            if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
                for (JsonNode subject : object.path("subjects")) {
                    String current = subject.path("namespace").asText("");
                    if (subject.path("kind").asText().equals("ServiceAccount")
                            && (current.isEmpty() || current.equals("default"))) {
                        ((ObjectNode) subject).put("namespace", namespace);
                    }
                }
            }
        }
    }

    private static void labels(JsonNode kustomization, String where, List<ObjectNode> objects) {
        for (JsonNode entry : kustomization.path("labels")) {
            entry.fieldNames().forEachRemaining(field -> {
                boolean unsupported = !Set.of("pairs", "includeSelectors", "includeTemplates").contains(field)
                        || (!field.equals("pairs") && entry.get(field).asBoolean());
                if (unsupported) {
                    throw new RenderException(where + ": labels." + field + " is not supported (metadata labels only)");
                }
            });
            for (ObjectNode object : objects) {
                ObjectNode metadata = (ObjectNode) object.get("metadata");
                ObjectNode labels = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
                entry.path("pairs").fields().forEachRemaining(pair -> labels.put(pair.getKey(), pair.getValue().asText()));
            }
        }
    }

    private static void replicas(JsonNode kustomization, String where, List<ObjectNode> objects) {
        for (JsonNode entry : kustomization.path("replicas")) {
            String name = entry.path("name").asText();
            int matched = 0;
            for (ObjectNode object : objects) {
                if (SCALABLE.contains(object.path("kind").asText())
                        && name.equals(object.path("metadata").path("name").asText())) {
                    ((ObjectNode) object.get("spec")).put("replicas", entry.path("count").asInt());
                    matched++;
                }
            }
            if (matched == 0) {
                throw new RenderException(where + ": replicas entry '" + name + "' matches no workload");
            }
        }
    }

    private static void images(JsonNode kustomization, String where, List<ObjectNode> objects) {
        for (JsonNode entry : kustomization.path("images")) {
            entry.fieldNames().forEachRemaining(field -> {
                if (!Set.of("name", "newName", "newTag", "digest").contains(field)) {
                    throw new RenderException(where + ": images field '" + field + "' is not supported");
                }
            });
            for (ObjectNode object : objects) {
                replaceImages(object, entry);
            }
        }
    }

    private static void replaceImages(JsonNode node, JsonNode entry) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers"))
                        && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        if (container.path("image").isTextual()) {
                            String image = container.get("image").asText();
                            String replaced = replaceImage(image, entry);
                            ((ObjectNode) container).put("image", replaced);
                        }
                    }
                } else {
                    replaceImages(field.getValue(), entry);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> replaceImages(child, entry));
        }
    }

    static String replaceImage(String image, JsonNode entry) {
        String name = image;
        String suffix = "";
        int at = name.indexOf('@');
        if (at >= 0) {
            suffix = name.substring(at);
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            suffix = name.substring(colon) + suffix;
            name = name.substring(0, colon);
        }
        if (!name.equals(entry.path("name").asText())) {
            return image;
        }
        String newName = entry.path("newName").asText(name);
        if (entry.hasNonNull("digest")) {
            return newName + "@" + entry.get("digest").asText();
        }
        if (entry.hasNonNull("newTag")) {
            return newName + ":" + entry.get("newTag").asText();
        }
        return newName + suffix;
    }
}
