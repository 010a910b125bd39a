package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackTranslationTest {

    private static final String RECEIVED = "2026-11-20T14:00:00Z";

    private static CallbackTranslation.Forward forward(ConnectionSource source, String sourceName, Map<String, Object> body) {
        var outcome = CallbackTranslation.translate(source, sourceName, CallbackFacts.of(source, body), RECEIVED);
        assertThat(outcome).isInstanceOf(CallbackTranslation.Forward.class);
        return (CallbackTranslation.Forward) outcome;
    }

    private static String skipped(ConnectionSource source, Map<String, Object> body) {
        var outcome = CallbackTranslation.translate(source, "x", CallbackFacts.of(source, body), RECEIVED);
        assertThat(outcome).isInstanceOf(CallbackTranslation.Skip.class);
        return ((CallbackTranslation.Skip) outcome).reason();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyItem(CallbackTranslation.Forward forward) {
        return ((List<Map<String, Object>>) forward.body().get("items")).get(0);
    }

    @Test
    void aConnectWiseCompanyBecomesAClientUpsertWithOnlyTheFieldsItCarries() {
        var forward = forward(ConnectionSource.CONNECTWISE, "connectwise", Map.of("Type", "company", "Action", "updated",
                "ID", 19283, "Entity", Map.of("id", 19283, "name", "Harbor Dental Group")));
        assertThat(forward.service()).isEqualTo(Upstream.SEGMENTATION);
        assertThat(forward.path()).isEqualTo("/api/v1/clients/bulk");
        assertThat(onlyItem(forward)).containsExactly(Map.entry("source", "connectwise"),
                Map.entry("externalId", "19283"), Map.entry("name", "Harbor Dental Group"));
    }

    @Test
    void anAutotaskCompanyNameComesFromItsFields() {
        var forward = forward(ConnectionSource.AUTOTASK, "autotask", Map.of("EntityType", "Company", "Action", "Update",
                "Id", 501, "Fields", Map.of("companyName", "Pine Street Legal")));
        assertThat(onlyItem(forward)).containsEntry("externalId", "501").containsEntry("name", "Pine Street Legal");
    }

    @Test
    void aClosedTicketBecomesATicketResultSignalForTheCompanysClient() {
        var forward = forward(ConnectionSource.GENERIC, "halopsa", Map.of("entity", "ticket", "action", "closed",
                "id", "T-88", "occurredAt", "2026-11-20T13:00:00Z", "data", Map.of("companyId", "19283",
                        "closedAt", "2026-11-20T12:55:00Z", "responseSlaMet", true, "resolutionSlaMet", false,
                        "priority", "P2")));
        assertThat(forward.service()).isEqualTo(Upstream.HEALTH);
        assertThat(forward.path()).isEqualTo("/api/v1/signals/bulk");
        assertThat(forward.body()).containsEntry("source", "halopsa");
        assertThat(onlyItem(forward)).containsEntry("externalId", "ticket-T-88").containsEntry("type", "TICKET_RESULT")
                .containsEntry("client", Map.of("source", "halopsa", "externalId", "19283"))
                .containsEntry("observedAt", "2026-11-20T12:55:00Z").containsEntry("closedAt", "2026-11-20T12:55:00Z")
                .containsEntry("responseSlaMet", true).containsEntry("resolutionSlaMet", false)
                .containsEntry("reopenedWithin30d", false).containsEntry("priority", "P2");
    }

    @Test
    void aConnectWiseTicketUsesItsSlaFlagForBothSlas() {
        var forward = forward(ConnectionSource.CONNECTWISE, "connectwise", Map.of("Type", "ticket", "Action", "updated",
                "ID", 7, "Entity", Map.of("company", Map.of("id", 19283), "closedFlag", true,
                        "closedDate", "2026-11-19T10:00:00Z", "isInSla", true, "board", Map.of("name", "Service"))));
        assertThat(onlyItem(forward)).containsEntry("responseSlaMet", true).containsEntry("resolutionSlaMet", true)
                .containsEntry("category", "Service");
    }

    @Test
    void aDevicePostureReadingBecomesItsSignal() {
        var forward = forward(ConnectionSource.GENERIC, "ninjaone", Map.of("entity", "configuration", "action", "updated",
                "id", "dev-1", "occurredAt", "2026-11-20T13:55:00Z", "data", Map.of("companyId", "19283",
                        "signalType", "PATCH_COMPLIANCE", "numerator", 45, "denominator", 50, "hostname", "ignored")));
        assertThat(onlyItem(forward)).containsEntry("type", "PATCH_COMPLIANCE")
                .containsEntry("externalId", "config-dev-1-PATCH_COMPLIANCE").containsEntry("numerator", 45)
                .containsEntry("denominator", 50).containsEntry("observedAt", "2026-11-20T13:55:00Z")
                .doesNotContainKey("hostname");
    }

    @Test
    void whatCannotBeMappedIsSkippedWithTheReason() {
        assertThat(skipped(ConnectionSource.GENERIC, Map.of("entity", "ticket", "id", "1", "data",
                Map.of("companyId", "9")))).contains("closed");
        assertThat(skipped(ConnectionSource.GENERIC, Map.of("entity", "invoice", "id", "1"))).contains("invoice");
        assertThat(skipped(ConnectionSource.AUTOTASK, Map.of("EntityType", "ConfigurationItem", "Id", 3,
                "Fields", Map.of()))).contains("device-posture");
        assertThat(skipped(ConnectionSource.CONNECTWISE, Map.of("Type", "company", "Action", "deleted", "ID", 4)))
                .contains("deletions");
        assertThat(skipped(ConnectionSource.GENERIC, Map.of("entity", "company", "id", "5", "data", Map.of())))
                .contains("no field");
    }

    @Test
    void repeatedCallbacksShareTheirKeyAndUnstampedOnesFallBackToTheBodyHash() {
        Map<String, Object> stamped = Map.of("entity", "company", "action", "updated", "id", "5",
                "occurredAt", "2026-11-20T13:00:00Z", "data", Map.of("name", "A"));
        CallbackFacts facts = CallbackFacts.of(ConnectionSource.GENERIC, stamped);
        assertThat(facts.dedupeKey("one".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(facts.dedupeKey("two".getBytes(StandardCharsets.UTF_8))).startsWith("e:");
        CallbackFacts unstamped = CallbackFacts.of(ConnectionSource.CONNECTWISE, Map.of("Type", "company", "ID", 5));
        assertThat(unstamped.dedupeKey("one".getBytes(StandardCharsets.UTF_8))).startsWith("b:")
                .isNotEqualTo(unstamped.dedupeKey("two".getBytes(StandardCharsets.UTF_8)));
    }
}
