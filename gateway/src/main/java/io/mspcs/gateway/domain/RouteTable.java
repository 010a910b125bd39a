package io.mspcs.gateway.domain;

import java.util.Map;

/**
 * The routing table of gateway.md §3: the first path segment after {@code /api/v1} decides, and under
 * {@code /clients/{id}/} the next segment does. Each segment belongs to exactly one owner.
 */
public final class RouteTable {

    private static final String PREFIX = "/api/v1/";

    private static final Map<String, Upstream> TOP_LEVEL = Map.ofEntries(
            Map.entry("assignments", Upstream.SEGMENTATION), Map.entry("capacity", Upstream.SEGMENTATION),
            Map.entry("portfolio", Upstream.SEGMENTATION), Map.entry("segmentation", Upstream.SEGMENTATION),
            Map.entry("team-members", Upstream.SEGMENTATION),
            Map.entry("signals", Upstream.HEALTH), Map.entry("health-models", Upstream.HEALTH),
            Map.entry("dmi-catalog", Upstream.HEALTH), Map.entry("health", Upstream.HEALTH),
            Map.entry("meetings", Upstream.CADENCE), Map.entry("ctas", Upstream.CADENCE),
            Map.entry("playbooks", Upstream.CADENCE), Map.entry("playbook-runs", Upstream.CADENCE),
            Map.entry("cadence-policies", Upstream.CADENCE), Map.entry("trigger-rules", Upstream.CADENCE),
            Map.entry("assessments", Upstream.ROADMAP), Map.entry("initiatives", Upstream.ROADMAP),
            Map.entry("proposals", Upstream.ROADMAP), Map.entry("roadmap-policy", Upstream.ROADMAP),
            Map.entry("events", Upstream.GATEWAY), Map.entry("webhooks", Upstream.GATEWAY),
            Map.entry("admin", Upstream.GATEWAY), Map.entry("integrations", Upstream.GATEWAY),
            Map.entry("me", Upstream.GATEWAY), Map.entry("openapi.json", Upstream.GATEWAY),
            Map.entry("docs", Upstream.GATEWAY));

    private static final Map<String, Upstream> UNDER_CLIENT = Map.ofEntries(
            Map.entry("segment", Upstream.SEGMENTATION), Map.entry("owners", Upstream.SEGMENTATION),
            Map.entry("negative-events", Upstream.SEGMENTATION),
            Map.entry("health", Upstream.HEALTH), Map.entry("dmi", Upstream.HEALTH),
            Map.entry("cadence", Upstream.CADENCE), Map.entry("meetings", Upstream.CADENCE),
            Map.entry("ctas", Upstream.CADENCE), Map.entry("playbook-runs", Upstream.CADENCE),
            Map.entry("roadmap", Upstream.ROADMAP), Map.entry("assessments", Upstream.ROADMAP),
            Map.entry("initiatives", Upstream.ROADMAP), Map.entry("budgets", Upstream.ROADMAP),
            Map.entry("proposals", Upstream.ROADMAP),
            Map.entry("360", Upstream.GATEWAY));

    private RouteTable() {
    }

    /** @param path the request path without query string */
    public static Upstream route(String path) {
        if (!path.startsWith(PREFIX)) {
            return Upstream.NONE;
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (segments[0].equals("clients")) {
            // /clients, /clients/bulk and /clients/{id} itself belong to the registry
            if (segments.length <= 2 || segments[2].isEmpty()) {
                return Upstream.SEGMENTATION;
            }
            return UNDER_CLIENT.getOrDefault(segments[2], Upstream.NONE);
        }
        return TOP_LEVEL.getOrDefault(segments[0], Upstream.NONE);
    }
}
