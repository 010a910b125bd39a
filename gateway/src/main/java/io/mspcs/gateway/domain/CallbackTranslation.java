package io.mspcs.gateway.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mspcs.gateway.domain.CallbackFacts.text;

/**
 * Turns a callback into the one upstream call it stands for (gateway.md §9.2): a company becomes a client upsert
 * ({@code POST /api/v1/clients/bulk}), a closed ticket a {@code TICKET_RESULT} signal and a configuration with a
 * device-posture reading that signal ({@code POST /api/v1/signals/bulk}). Only the fields the callback carries are
 * sent, so a summarised payload updates just those. Anything else is skipped with the reason.
 */
public final class CallbackTranslation {

    /** What to do with a callback: {@link Forward} or {@link Skip}. */
    public sealed interface Outcome permits Forward, Skip {
    }

    public record Forward(Upstream service, String path, Map<String, Object> body) implements Outcome {
    }

    public record Skip(String reason) implements Outcome {
    }

    public static final String CLIENTS_BULK = "/api/v1/clients/bulk";
    public static final String SIGNALS_BULK = "/api/v1/signals/bulk";

    /** Registry fields a generic sender may set (segmentation.md bulk upsert). */
    private static final List<String> GENERIC_CLIENT_FIELDS = List.of("name", "mrr", "contractRenewalDate",
            "fiscalYearEndMonth", "contacts", "status");
    /** Device-posture readings health takes per client (health.md §4), with the fields each may carry. */
    private static final Set<String> POSTURE_TYPES = Set.of("MFA_COVERAGE", "ENDPOINT_PROTECTION_COVERAGE",
            "PATCH_COMPLIANCE", "INSIGHT_COVERAGE", "BACKUP_RESULT");
    private static final List<String> POSTURE_FIELDS = List.of("numerator", "denominator", "coverage", "insightCode",
            "successRate", "windowDays", "jobsTotal", "jobsFailed", "devicesAffected", "lastSuccessAt",
            "lastRestoreTestAt");

    private CallbackTranslation() {
    }

    /**
     * @param source     who sent it
     * @param sourceName the registry/signal {@code source} of this connection, e.g. {@code connectwise}, {@code ninjaone}
     * @param receivedAt when the gateway accepted it (ISO instant), the observation time when the sender gives none
     */
    public static Outcome translate(ConnectionSource source, String sourceName, CallbackFacts facts, String receivedAt) {
        if (facts.entity() == null || facts.externalId() == null) {
            return new Skip("the callback names no entity or id");
        }
        if (facts.action() != null && (facts.action().startsWith("delete") || facts.action().equals("deactivated"))) {
            return new Skip("deletions are not synchronised; the record stays until changed in the platform");
        }
        return switch (facts.entity()) {
            case CallbackFacts.COMPANY -> company(source, sourceName, facts);
            case CallbackFacts.TICKET -> ticket(source, sourceName, facts);
            case CallbackFacts.CONFIGURATION -> configuration(source, sourceName, facts, receivedAt);
            default -> new Skip("entity " + facts.entity() + " is not synchronised");
        };
    }

    private static Outcome company(ConnectionSource source, String sourceName, CallbackFacts facts) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("source", sourceName);
        item.put("externalId", facts.externalId());
        Map<String, Object> f = facts.fields();
        switch (source) {
            case CONNECTWISE -> putIfPresent(item, "name", text(f, "name"));
            case AUTOTASK -> putIfPresent(item, "name", text(f, "companyName"));
            case GENERIC -> GENERIC_CLIENT_FIELDS.forEach(field -> putIfPresent(item, field, f.get(field)));
        }
        if (item.size() == 2) {
            return new Skip("the company callback carries no field the registry keeps");
        }
        return new Forward(Upstream.SEGMENTATION, CLIENTS_BULK, Map.of("items", List.of(item)));
    }

    /** Where each sender keeps a ticket's fields (dotted paths into its entity). */
    private record TicketLayout(String company, String closedAt, String closedFlag, String responseSla,
                                String resolutionSla, String priority, String category) {
    }

    private static final Map<ConnectionSource, TicketLayout> TICKETS = Map.of(
            ConnectionSource.CONNECTWISE, new TicketLayout("company.id", "closedDate", "closedFlag", "isInSla", "isInSla",
                    "priority.name", "board.name"),
            ConnectionSource.AUTOTASK, new TicketLayout("companyID", "completedDate", null,
                    "serviceLevelAgreementHasBeenMet", "serviceLevelAgreementHasBeenMet", "priority", "issueType"),
            ConnectionSource.GENERIC, new TicketLayout("companyId", "closedAt", null, "responseSlaMet", "resolutionSlaMet",
                    "priority", "category"));

    private static Outcome ticket(ConnectionSource source, String sourceName, CallbackFacts facts) {
        Map<String, Object> f = facts.fields();
        TicketLayout layout = TICKETS.get(source);
        boolean closed = layout.closedFlag() == null || !Boolean.FALSE.equals(field(f, layout.closedFlag()));
        String closedAt = closed ? text(f, path(layout.closedAt())) : null;
        String company = text(f, path(layout.company()));
        Object responseMet = field(f, layout.responseSla());
        Object resolutionMet = field(f, layout.resolutionSla());
        if (closedAt == null) {
            return new Skip("only closed tickets are signals");
        }
        if (company == null) {
            return new Skip("the ticket names no company");
        }
        if (!(responseMet instanceof Boolean) || !(resolutionMet instanceof Boolean)) {
            return new Skip("the ticket carries no SLA outcome");
        }
        Map<String, Object> item = signal(sourceName, "ticket-" + facts.externalId(), "TICKET_RESULT", company, closedAt);
        item.put("closedAt", closedAt);
        item.put("responseSlaMet", responseMet);
        item.put("resolutionSlaMet", resolutionMet);
        // an unknown reopen flag counts as not reopened: the PSA would send the ticket again when it reopens
        item.put("reopenedWithin30d", f.get("reopenedWithin30d") instanceof Boolean b ? b : Boolean.FALSE);
        putIfPresent(item, "priority", text(f, path(layout.priority())));
        putIfPresent(item, "category", text(f, path(layout.category())));
        return signals(sourceName, item);
    }

    private static String[] path(String dotted) {
        return dotted.split("\\.");
    }

    private static Object field(Map<String, Object> fields, String dotted) {
        return CallbackFacts.at(fields, path(dotted));
    }

    private static Outcome configuration(ConnectionSource source, String sourceName, CallbackFacts facts,
                                         String receivedAt) {
        Map<String, Object> f = facts.fields();
        String type = text(f, "signalType");
        if (source != ConnectionSource.GENERIC || type == null || !POSTURE_TYPES.contains(type)) {
            return new Skip("the configuration carries no device-posture reading (signalType) health takes");
        }
        String company = text(f, "companyId");
        if (company == null) {
            return new Skip("the configuration names no company");
        }
        String observedAt = text(f, "observedAt") != null ? text(f, "observedAt")
                : facts.occurredAt() != null ? facts.occurredAt() : receivedAt;
        Map<String, Object> item = signal(sourceName, "config-" + facts.externalId() + "-" + type, type, company, observedAt);
        POSTURE_FIELDS.forEach(field -> putIfPresent(item, field, f.get(field)));
        return signals(sourceName, item);
    }

    private static Map<String, Object> signal(String sourceName, String externalId, String type, String company,
                                              String observedAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("externalId", externalId.length() > 100 ? externalId.substring(0, 100) : externalId);
        item.put("type", type);
        item.put("client", Map.of("source", sourceName, "externalId", company));
        item.put("observedAt", observedAt);
        return item;
    }

    private static Outcome signals(String sourceName, Map<String, Object> item) {
        return new Forward(Upstream.HEALTH, SIGNALS_BULK, Map.of("source", sourceName, "items", List.of(item)));
    }

    private static void putIfPresent(Map<String, Object> item, String field, Object value) {
        if (value != null) {
            item.put(field, value);
        }
    }
}
