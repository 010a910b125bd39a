package io.mspcs.cadence.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.OutboxRows;

import java.util.List;
import java.util.UUID;

/** The outbox rows of one client, each checked against its contract, by type and by the rule that caused them. */
public final class RuleRows {

    private RuleRows() {
    }

    /** The {@code data} of every row of {@code type} whose subject is the client, in insertion order. */
    public static List<JsonNode> of(UUID tenant, UUID client, String type) {
        return OutboxRows.of("cadence", tenant, type).stream()
                .filter(row -> client.toString().equals(row.envelope().path("subject").asText()))
                .peek(ContractAssertions::assertValid)
                .map(row -> row.envelope().get("data"))
                .toList();
    }

    /** {@code CtaOpened} of the client by rule id. */
    public static List<JsonNode> opened(UUID tenant, UUID client, String ruleId) {
        return of(tenant, client, EventTypes.CTA_OPENED).stream()
                .filter(data -> ruleId.equals(data.at("/reason/ruleId").asText())).toList();
    }

    /** {@code CtaClosed} of one CTA. */
    public static List<JsonNode> closed(UUID tenant, UUID client, String ctaId) {
        return of(tenant, client, EventTypes.CTA_CLOSED).stream()
                .filter(data -> ctaId.equals(data.path("ctaId").asText())).toList();
    }

    /** {@code CtaUpdated} of one CTA. */
    public static List<JsonNode> updated(UUID tenant, UUID client, String ctaId) {
        return of(tenant, client, EventTypes.CTA_UPDATED).stream()
                .filter(data -> ctaId.equals(data.path("ctaId").asText())).toList();
    }
}
