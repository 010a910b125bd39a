package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HealthRuleAndDecisionTest {

    private final SlaCalculator sla = new SlaCalculator(WorkingCalendar.DEFAULT);

    private HealthRule.Raise raise(String rule, String discriminator, String detail, String time) {
        return new HealthRule.Raise(rule, UUID.randomUUID(), UUID.randomUUID(), "health.X.v1", Instant.parse(time),
                "corr", "k", null, discriminator, detail, "summary", Map.of());
    }

    @Test
    void e5FixFirstGateIsHighForTheTamFirstActionIn72HoursDueInFiveDays() {
        HealthRule.Raise gate = raise("AD-T10", "FIX_FIRST", "MFA 0.55", "2026-05-04T13:00:00Z");
        HealthRule.Spec spec = HealthRule.spec(gate, Optional.of(Segment.B)).orElseThrow();
        CtaDraft draft = HealthRule.draft(UUID.randomUUID(), gate, spec, Owners.NONE, null, sla,
                Instant.parse("2026-05-04T13:00:00Z"));
        assertThat(draft.priority()).isEqualTo(Priority.HIGH);
        assertThat(draft.owner().role()).isEqualTo(Role.TAM);
        assertThat(draft.firstActionDueAt()).isEqualTo("2026-05-07T13:00:00Z");
        assertThat(draft.dueAt()).isEqualTo("2026-05-11T17:00:00Z");
        assertThat(HealthRule.spec(raise("AD-T10", "SEQUENCING", "x", "2026-05-04T13:00:00Z"), Optional.empty())
                .orElseThrow().priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void e4FlatDmiIsMediumDueSevenDaysLaterAndBackupWithoutSuccessIsCritical() {
        HealthRule.Raise flat = raise("AD-T4", null, "2", "2026-03-02T08:00:00Z");
        CtaDraft draft = HealthRule.draft(UUID.randomUUID(), flat, HealthRule.spec(flat, Optional.empty()).orElseThrow(),
                Owners.NONE, null, sla, Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(draft.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(draft.dueAt()).isEqualTo("2026-03-09T17:00:00Z");
        assertThat(HealthRule.spec(raise("AD-T3", null, "NO_RECENT_SUCCESS", "2026-03-02T08:00:00Z"), Optional.empty())
                .orElseThrow().priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void hcRedOwnerAndSlaDependOnTheDimensionAndSegment() {
        HealthRule.Spec alignment = HealthRule.spec(raise("HC-RED", "ALIGNMENT", "ALIGNMENT", "2026-06-02T15:30:00Z"),
                Optional.of(Segment.A)).orElseThrow();
        assertThat(alignment.ownerRole()).isEqualTo(Role.VCIO);
        assertThat(alignment.priority()).isEqualTo(Priority.HIGH);
        HealthRule.Spec adoption = HealthRule.spec(raise("HC-RED", "ADOPTION", "ADOPTION", "2026-06-02T15:30:00Z"),
                Optional.of(Segment.C)).orElseThrow();
        assertThat(adoption.ownerRole()).isEqualTo(Role.TAM);
        assertThat(adoption.due().toString()).isEqualTo("5d");
        assertThat(adoption.priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void theCreditGateNeedsApproveOrAdjustWithOwnerDateAndBudget() {
        UUID owner = UUID.randomUUID();
        LocalDate due = LocalDate.parse("2026-06-30");
        assertThat(DecisionRules.creditGateMet("APPROVE", null, owner, due, new BigDecimal("4800.00"))).isTrue();
        assertThat(DecisionRules.creditGateMet("APPROVE", owner, null, due, null)).isFalse();
        assertThat(DecisionRules.creditGateMet("PARK", owner, null, due, new BigDecimal("1"))).isFalse();
        assertThat(DecisionRules.problem("PARK", "later", null, null, due)).isPresent();
        assertThat(DecisionRules.problem("MAYBE", "x", null, null, null)).contains("outcome:unknown-value");
        assertThat(DecisionRules.problem("NO_GO", "x".repeat(281), null, null, null)).contains("summary:too-long");
        assertThat(DecisionRules.problem("APPROVE", "ok", owner, null, due)).isEmpty();
    }
}
