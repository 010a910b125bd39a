package io.mspcs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/debezium/*.json, the one source of the relay configuration for every environment
 * (architecture.md §6.2): one per service, its own database, role, slot, publication and topic,
 * and the same settings otherwise; the publication exists because the service's migration makes it.
 */
class ConnectorFilesTest {

    @Test
    void connectorFilesFollowTheOutboxRelayRules() {
        Problems problems = new Problems();
        JsonNode reference = null;
        for (String service : Repo.SERVICES) {
            String where = "deploy/debezium/" + service + ".json";
            JsonNode file = Repo.readJson(Repo.path(where));
            JsonNode config = file.path("config");
            Map<String, String> expected = Map.ofEntries(
                    Map.entry("connector.class", "io.debezium.connector.postgresql.PostgresConnector"),
                    Map.entry("tasks.max", "1"),
                    Map.entry("database.hostname", "${env:PG_HOST}"),
                    Map.entry("database.dbname", service),
                    Map.entry("database.user", service + "_relay"),
                    Map.entry("database.password", "${env:" + Repo.upper(service) + "_RELAY_PASSWORD}"),
                    Map.entry("topic.prefix", "cs-" + service),
                    Map.entry("plugin.name", "pgoutput"),
                    Map.entry("slot.name", "cs_" + service + "_outbox"),
                    Map.entry("publication.name", "cs_" + service + "_outbox"),
                    Map.entry("publication.autocreate.mode", "disabled"),
                    Map.entry("table.include.list", "public.outbox_event"),
                    Map.entry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter"),
                    Map.entry("transforms.outbox.route.topic.replacement", "cs." + service + ".events"),
                    // the envelope travels as the jsonb text itself: expanding it into a Connect struct fails on
                    // payloads whose inferred schema differs from row to row
                    Map.entry("transforms.outbox.table.expand.json.payload", "false"),
                    Map.entry("value.converter", "org.apache.kafka.connect.storage.StringConverter"));
            problems.check(file.path("name").asText().equals("cs-" + service + "-outbox"), where, "name must be cs-" + service + "-outbox");
            expected.forEach((key, value) -> problems.check(value.equals(config.path(key).asText(null)), where,
                    key + " must be " + value + ", is " + config.path(key).asText(null)));
            if (reference == null) {
                reference = config;
            } else {
                TreeSet<String> keys = new TreeSet<>();
                config.fieldNames().forEachRemaining(keys::add);
                TreeSet<String> referenceKeys = new TreeSet<>();
                reference.fieldNames().forEachRemaining(referenceKeys::add);
                problems.check(keys.equals(referenceKeys), where, "keys differ from deploy/debezium/segmentation.json");
                for (String key : keys) {
                    String value = config.path(key).asText();
                    String other = reference.path(key).asText().replace("segmentation", service).replace("SEGMENTATION", Repo.upper(service));
                    problems.check(value.equals(other), where, key + " differs from the other connectors: " + value);
                }
            }
        }
        problems.assertNone("connector files");
    }

    @Test
    void theOutboxMigrationCreatesThePublicationEachConnectorReads() {
        Problems problems = new Problems();
        StringBuilder migrations = new StringBuilder();
        try (var files = java.nio.file.Files.walk(Repo.path("event-outbox/src/main/resources/db/outbox"))) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> migrations.append(Repo.read(f)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        problems.check(migrations.toString().toLowerCase().replaceAll("\\s+", " ")
                        .contains("create publication cs_${service}_outbox for table outbox_event"),
                "event-outbox db/outbox migrations", "no longer create publication cs_${service}_outbox");
        for (String service : Repo.SERVICES) {
            var properties = Repo.path(Repo.app(service) + "/src/main/resources/application.properties");
            if (!java.nio.file.Files.isRegularFile(properties)) {
                continue; // module not written yet
            }
            Matcher placeholder = Pattern.compile("(?m)^quarkus\\.flyway\\.placeholders\\.service\\s*=\\s*(\\S+)")
                    .matcher(Repo.read(properties));
            problems.check(placeholder.find() && placeholder.group(1).equals(service), Repo.app(service),
                    "the flyway placeholder service must be " + service + ", which names the publication");
        }
        problems.assertNone("publications");
    }
}
