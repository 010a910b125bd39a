package io.mspcs.gateway.domain;

import java.util.Map;
import java.util.Set;

/**
 * Method + path → the row of gateway.md §2.1 that governs it. Reads need the read scope of the owning service;
 * writes are looked up by the segment that names the resource. Unknown writes fall to {@link Permission#LEAD}, the
 * narrowest user permission, so a new endpoint is never more open than the table says.
 */
public final class PermissionTable {

    private static final String PREFIX = "/api/v1/";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final Map<Upstream, Permission> READS = Map.of(
            Upstream.SEGMENTATION, Permission.READ_CLIENTS, Upstream.HEALTH, Permission.READ_HEALTH,
            Upstream.CADENCE, Permission.READ_CTAS, Upstream.ROADMAP, Permission.READ_ROADMAP);

    private static final Map<String, Permission> CLIENT_WRITES = Map.ofEntries(
            Map.entry("segment", Permission.LEAD), Map.entry("owners", Permission.LEAD),
            Map.entry("negative-events", Permission.RECORD_OBSERVATIONS),
            Map.entry("dmi", Permission.MANUAL_DMI_COVERAGE),
            Map.entry("cadence", Permission.LEAD), Map.entry("meetings", Permission.WRITE_MEETINGS),
            Map.entry("ctas", Permission.WORK_CTAS), Map.entry("playbook-runs", Permission.WORK_CTAS),
            Map.entry("roadmap", Permission.WRITE_ROADMAP), Map.entry("assessments", Permission.WRITE_ROADMAP),
            Map.entry("initiatives", Permission.WRITE_ROADMAP), Map.entry("budgets", Permission.WRITE_ROADMAP),
            Map.entry("proposals", Permission.WORK_PROPOSALS));

    private static final Map<String, Permission> TOP_LEVEL_WRITES = Map.ofEntries(
            Map.entry("assignments", Permission.LEAD), Map.entry("capacity", Permission.LEAD),
            Map.entry("team-members", Permission.LEAD), Map.entry("segmentation", Permission.LEAD),
            Map.entry("signals", Permission.INGEST_SIGNALS), Map.entry("health-models", Permission.LEAD),
            Map.entry("dmi-catalog", Permission.LEAD), Map.entry("health", Permission.LEAD),
            Map.entry("meetings", Permission.WRITE_MEETINGS), Map.entry("ctas", Permission.WORK_CTAS),
            Map.entry("playbook-runs", Permission.WORK_CTAS), Map.entry("playbooks", Permission.LEAD),
            Map.entry("cadence-policies", Permission.LEAD), Map.entry("trigger-rules", Permission.LEAD),
            Map.entry("assessments", Permission.WRITE_ROADMAP), Map.entry("initiatives", Permission.WRITE_ROADMAP),
            Map.entry("proposals", Permission.WORK_PROPOSALS), Map.entry("roadmap-policy", Permission.LEAD));

    private PermissionTable() {
    }

    public static Permission required(String method, String path) {
        if (!path.startsWith(PREFIX)) {
            return Permission.ADMINISTER;
        }
        String[] s = path.substring(PREFIX.length()).split("/", -1);
        boolean read = READ_METHODS.contains(method);
        switch (s[0]) {
            case "me":
                return Permission.ANY_CALLER;
            case "admin":
                return Permission.ADMINISTER;
            case "webhooks":
                return Permission.MANAGE_WEBHOOKS;
            case "events":
                return Permission.READ_EVENTS;
            default:
                break;
        }
        Upstream owner = RouteTable.route(path);
        if (s[0].equals("clients") && s.length > 2 && s[2].equals("360")) {
            return Permission.READ_CLIENTS;
        }
        if (s[0].equals("clients") && s.length > 3 && s[2].equals("health") && s[3].equals("what-if")) {
            return Permission.READ_HEALTH; // a what-if stores and emits nothing: a read (§2.1)
        }
        if (read) {
            return READS.getOrDefault(owner, Permission.ADMINISTER);
        }
        return s[0].equals("clients") ? clientWrite(s) : topLevelWrite(s);
    }

    private static Permission clientWrite(String[] s) {
        if (s.length <= 2 || s[2].isEmpty()) {
            return Permission.WRITE_CLIENTS; // /clients, /clients/bulk, /clients/{id}
        }
        String section = s[2];
        String next = s.length > 3 ? s[3] : "";
        if (section.equals("health")) {
            return switch (next) {
                case "recompute" -> Permission.RECOMPUTE_HEALTH;
                case "observations" -> Permission.RECORD_OBSERVATIONS;
                default -> Permission.LEAD; // gate overrides
            };
        }
        if (section.equals("initiatives") || section.equals("roadmap")) {
            return Permission.WRITE_ROADMAP;
        }
        return CLIENT_WRITES.getOrDefault(section, Permission.LEAD);
    }

    private static Permission topLevelWrite(String[] s) {
        String second = s.length > 1 ? s[1] : "";
        if (s[0].equals("proposals") && second.equals("aging-sweep")) {
            return Permission.LEAD;
        }
        if (s[0].equals("assessments") && second.equals("templates")) {
            return Permission.LEAD;
        }
        if (s[0].equals("initiatives") && s.length > 2 && s[2].equals("transitions")) {
            return Permission.WRITE_ROADMAP; // gate overrides inside a transition are checked by roadmap (reason, leader)
        }
        return TOP_LEVEL_WRITES.getOrDefault(s[0], Permission.LEAD);
    }
}
