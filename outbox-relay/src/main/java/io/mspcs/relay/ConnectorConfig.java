package io.mspcs.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Debezium connector file of {@code deploy/debezium/} ({@code {name, config}}), with Kafka Connect's
 * {@code ${env:NAME}} placeholders resolved, so the embedded relay runs exactly what Kafka Connect runs.
 */
public record ConnectorConfig(String name, Map<String, String> config) {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");

    public static ConnectorConfig load(Path file, UnaryOperator<String> environment) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            Map<String, String> config = new LinkedHashMap<>();
            root.path("config").fields().forEachRemaining(entry ->
                    config.put(entry.getKey(), resolve(entry.getValue().asText(), environment, file)));
            return new ConnectorConfig(root.path("name").asText(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resolve(String value, UnaryOperator<String> environment, Path file) {
        Matcher matcher = ENV.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = environment.apply(matcher.group(1));
            if (replacement == null) {
                throw new IllegalStateException(file + " needs the environment variable " + matcher.group(1));
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(resolved).toString();
    }

    public String get(String key) {
        return config.get(key);
    }

    /** A copy with some settings replaced (tests: their database and a slot of their own). */
    public ConnectorConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.putAll(overrides);
        return new ConnectorConfig(name, copy);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + get("database.hostname") + ":" + get("database.port") + "/" + get("database.dbname");
    }
}
