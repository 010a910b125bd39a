package io.mspcs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The alert rules and the Grafana dashboard (deploy/k8s/base/observability) only use metrics the platform
 * exports (architecture.md §10), in PromQL that at least balances, and cover the figures the issue asks for.
 */
class ObservabilityFilesTest {

    /** Series names as Prometheus sees them (Micrometer timers add _bucket/_count/_sum/_max). */
    static final Set<String> EXPORTED = Set.of(
            "cs_events_published_total", "cs_events_consumed_total",
            "cs_event_handle_seconds_bucket", "cs_event_delivery_lag_seconds_bucket",
            "cs_outbox_relay_lag_bytes", "cs_outbox_rows", "cs_ctas_open", "cs_webhook_deliveries_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_count");

    /** Metrics the shared event-outbox library registers itself (the rest belong to cadence, gateway, Quarkus). */
    static final Set<String> FROM_EVENT_OUTBOX = Set.of("cs_events_published_total", "cs_events_consumed_total",
            "cs_event_handle_seconds", "cs_event_delivery_lag_seconds", "cs_outbox_relay_lag_bytes", "cs_outbox_rows");

    private static final Pattern SERIES = Pattern.compile("\\b((?:cs|kafka|http)_[a-z_]+)\\b");
    private static final Path DASHBOARD = Repo.path("deploy/k8s/base/observability/cs-platform.json");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertIsCompleteAndUsesExportedMetrics(String overlay) {
        Rendered rendered = Overlays.rendered(overlay);
        ObjectNode rules = rendered.find("PrometheusRule", "cs-platform-alerts").orElseThrow();
        Problems problems = new Problems();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                String where = rendered.where(rules) + " " + name;
                problems.check(alerts.add(name), where, "alert defined twice");
                problems.check(Set.of("warning", "critical").contains(rule.path("labels").path("severity").asText()),
                        where, "severity must be warning or critical");
                problems.check(!rule.path("annotations").path("summary").asText().isBlank()
                        && !rule.path("annotations").path("description").asText().isBlank(), where,
                        "summary and description annotations are required");
                promql(rule.path("expr").asText(), where, problems);
            }
        }
        assertThat(alerts).contains("CsOutboxRelayLagging", "CsOutboxSlotMissing", "CsEventsDeadLettered",
                "CsConsumerLagHigh", "CsHttpErrors");
        problems.assertNone("alert rules of overlay " + overlay);
    }

    @Test
    void dashboardShowsTheKeyFiguresWithExportedMetrics() {
        JsonNode dashboard = Repo.readJson(DASHBOARD);
        Problems problems = new Problems();
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String where = "dashboard panel '" + panel.path("title").asText() + "'";
            problems.check(panel.path("targets").size() > 0, where, "has no query");
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                promql(expr, where, problems);
                used.addAll(series(expr));
            }
        }
        problems.assertNone("deploy/k8s/base/observability/cs-platform.json");
        assertThat(used).as("figures of issue 9: published/consumed, consumer lag, outbox backlog and relay lag,"
                + " open CTAs, request latency, webhook outcomes").contains("cs_events_published_total",
                "cs_events_consumed_total", "kafka_consumer_fetch_manager_records_lag_max", "cs_outbox_relay_lag_bytes",
                "cs_outbox_rows", "cs_ctas_open", "http_server_requests_seconds_bucket", "cs_webhook_deliveries_total");
        assertThat(dashboard.path("uid").asText()).isEqualTo("cs-platform");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void dashboardShipsAsAConfigMapForGrafanasSidecar(String overlay) {
        ObjectNode configMap = Overlays.rendered(overlay).find("ConfigMap", "cs-grafana-dashboards").orElseThrow();
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        assertThat(configMap.path("data").path("cs-platform.json").asText()).isEqualTo(Repo.read(DASHBOARD));
    }

    @Test
    void eventOutboxRegistersTheMetricsTheRulesRelyOn() throws IOException {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repo.path("event-outbox/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.append(Repo.read(file));
            }
        }
        List<String> missing = new ArrayList<>();
        FROM_EVENT_OUTBOX.forEach(name -> {
            if (!sources.toString().contains("\"" + name + "\"")) {
                missing.add(name);
            }
        });
        assertThat(missing).as("metric names not registered by event-outbox").isEmpty();
    }

    private static void promql(String expr, String where, Problems problems) {
        problems.check(!expr.isBlank(), where, "empty expression");
        problems.check(balanced(expr), where, "unbalanced brackets in " + expr);
        for (String series : series(expr)) {
            problems.check(EXPORTED.contains(series), where, "uses " + series + ", which the platform does not export");
        }
    }

    private static Set<String> series(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SERIES.matcher(expr.replaceAll("\"[^\"]*\"", "\"\""));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        names.remove("client_id"); // a label of the Kafka binder, not a series
        return names;
    }

    static boolean balanced(String expr) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return open.isEmpty() && !quoted;
    }

    @Test
    void bracketCheckCatchesAnUnclosedCall() {
        assertThat(balanced("sum by (type) (rate(cs_events_published_total[5m]))")).isTrue();
        assertThat(balanced("sum by (type) (rate(cs_events_published_total[5m])")).isFalse();
        assertThat(balanced("rate(x{a=\"(\"}[5m])")).isTrue();
    }

    static {
        if (!Files.isRegularFile(DASHBOARD)) {
            throw new UncheckedIOException(new IOException(DASHBOARD + " missing"));
        }
    }
}
