package io.mspcs.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The repository under test: where its files are, how they are read, and the platform's names. */
final class Repo {

    static final Path ROOT = locateRoot();
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Services with a database, an outbox, a relay connector and an event topic. */
    static final List<String> SERVICES = List.of("segmentation", "health", "cadence", "roadmap");
    /** Deployable applications: the four services and the gateway. */
    static final List<String> APPS =
            List.of("segmentation-service", "health-service", "cadence-service", "roadmap-service", "gateway");
    static final String NAMESPACE = "cs-platform";
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private Repo() {
    }

    private static Path locateRoot() {
        String configured = System.getProperty("cs.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("deploy/pom.xml"))) {
            throw new IllegalStateException("not the repository root (no deploy/pom.xml): " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    /** The application (module) name of a service: {@code health} → {@code health-service}. */
    static String app(String service) {
        return service + "-service";
    }

    /** The database of an application: {@code health-service} → {@code health}, gateway → gateway. */
    static String database(String app) {
        return app.endsWith("-service") ? app.substring(0, app.length() - "-service".length()) : app;
    }

    static String upper(String service) {
        return service.toUpperCase(Locale.ROOT);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + ROOT.relativize(file) + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readYaml(Path file) {
        List<JsonNode> documents = readYamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " should hold one YAML document, holds " + documents.size());
        }
        return documents.get(0);
    }

    static List<JsonNode> readYamlDocuments(Path file) {
        return parseYamlDocuments(read(file), file.toString());
    }

    /** Every non-empty document of a (multi-document) YAML text; a document may be a sequence. */
    static List<JsonNode> parseYamlDocuments(String text, String origin) {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                JsonNode document = YAML.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse YAML of " + origin + ": " + e.getMessage(), e);
        }
        return documents;
    }

    /** apiVersion/kind/namespace/name, for messages. */
    static String id(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        return object.path("kind").asText("?") + " " + (namespace.isEmpty() ? "" : namespace + "/")
                + metadata.path("name").asText("?");
    }

    static ObjectNode object(JsonNode node) {
        return (ObjectNode) node;
    }
}
