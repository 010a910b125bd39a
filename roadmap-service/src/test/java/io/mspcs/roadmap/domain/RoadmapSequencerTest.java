package io.mspcs.roadmap.domain;

import io.mspcs.roadmap.domain.RoadmapSequencer.Item;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoadmapSequencerTest {

    private static final Quarter Q4_2026 = Quarter.parse("2026-Q4");
    private static final Quarter Q1_2027 = Quarter.parse("2027-Q1");
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    private static Item item(UUID id, boolean remediation, Priority priority, Instant createdAt, Quarter quarter, int position) {
        return new Item(id, remediation, priority, false, createdAt, new Placement(quarter, position));
    }

    private static Item fresh(UUID id, Instant createdAt) {
        return new Item(id, true, Priority.HIGH, false, createdAt, null);
    }

    @Test
    void putsANewRemediationFirstAndMovesTheCurrentQuarterDown() {
        // roadmap.md §11 E1 #1: 2026-Q4 [I-FW], 2027-Q1 [I-TEAMS]; DmiDropped → I-MFA pos 1, moves [I-FW 1→2]
        UUID fw = UUID.randomUUID();
        UUID teams = UUID.randomUUID();
        UUID mfa = UUID.randomUUID();
        var result = RoadmapSequencer.remediationFirst(List.of(
                item(fw, false, Priority.MEDIUM, T0, Q4_2026, 1),
                item(teams, false, Priority.MEDIUM, T0, Q1_2027, 1),
                fresh(mfa, Instant.parse("2026-11-20T14:03:12Z"))), Q4_2026);

        assertThat(result.placements()).containsExactly(
                entry(mfa, Q4_2026, 1), entry(fw, Q4_2026, 2), entry(teams, Q1_2027, 1));
        assertThat(result.moves()).containsExactly(new RoadmapMove(fw, Q4_2026, Q4_2026, 1, 2));
        assertThat(result.changed()).isTrue();
    }

    @Test
    void ordersRemediationCriticalThenGateLinkedThenOldest() {
        UUID oldest = UUID.randomUUID();
        UUID gateLinked = UUID.randomUUID();
        UUID critical = UUID.randomUUID();
        var result = RoadmapSequencer.remediationFirst(List.of(
                item(oldest, true, Priority.HIGH, T0, Q4_2026, 1),
                new Item(gateLinked, true, Priority.HIGH, true, T0.plusSeconds(60), new Placement(Q4_2026, 2)),
                item(critical, true, Priority.CRITICAL, T0.plusSeconds(120), Q4_2026, 3)), Q4_2026);

        assertThat(result.placements().keySet()).containsExactly(critical, gateLinked, oldest);
        assertThat(result.moves()).containsExactly(
                new RoadmapMove(critical, Q4_2026, Q4_2026, 3, 1), new RoadmapMove(oldest, Q4_2026, Q4_2026, 1, 3));
    }

    @Test
    void pullsRemediationFromLaterQuartersAndClosesTheirGaps() {
        UUID teams = UUID.randomUUID();
        UUID laterRemediation = UUID.randomUUID();
        UUID backup = UUID.randomUUID();
        var result = RoadmapSequencer.remediationFirst(List.of(
                item(laterRemediation, true, Priority.HIGH, T0, Q1_2027, 1),
                item(teams, false, Priority.MEDIUM, T0, Q1_2027, 2),
                item(backup, false, Priority.LOW, T0, null, 1)), Q4_2026);

        assertThat(result.placements()).containsExactly(
                entry(laterRemediation, Q4_2026, 1), entry(teams, Q1_2027, 1), entry(backup, null, 1));
        assertThat(result.moves()).containsExactly(
                new RoadmapMove(laterRemediation, Q1_2027, Q4_2026, 1, 1),
                new RoadmapMove(teams, Q1_2027, Q1_2027, 2, 1));
    }

    @Test
    void changesNothingWhenRemediationAlreadyLeads() {
        UUID mfa = UUID.randomUUID();
        UUID fw = UUID.randomUUID();
        var result = RoadmapSequencer.remediationFirst(List.of(
                item(fw, false, Priority.MEDIUM, T0, Q4_2026, 2),
                item(mfa, true, Priority.HIGH, T0.plusSeconds(5), Q4_2026, 1)), Q4_2026);

        assertThat(result.moves()).isEmpty();
        assertThat(result.changed()).isFalse();
    }

    @Test
    void ignoresGapsLeftByItemsThatClosed() {
        UUID mfa = UUID.randomUUID();
        UUID fw = UUID.randomUUID();
        var result = RoadmapSequencer.remediationFirst(List.of(
                item(mfa, true, Priority.HIGH, T0, Q4_2026, 2),
                item(fw, false, Priority.MEDIUM, T0, Q4_2026, 5)), Q4_2026);

        assertThat(result.changed()).isFalse();
        assertThat(result.placements()).containsExactly(entry(mfa, Q4_2026, 1), entry(fw, Q4_2026, 2));
    }

    @Test
    void placesNewInitiativesAfterOlderRemediationInCreationOrder() {
        UUID existing = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant now = T0.plusSeconds(3600);
        var result = RoadmapSequencer.remediationFirst(List.of(
                item(existing, true, Priority.HIGH, T0, Q4_2026, 1), fresh(first, now), fresh(second, now)), Q4_2026);

        assertThat(result.placements().keySet()).containsExactly(existing, first, second);
        assertThat(result.moves()).isEmpty();
        assertThat(result.changed()).isTrue();
    }

    private static java.util.Map.Entry<UUID, Placement> entry(UUID id, Quarter quarter, int position) {
        return java.util.Map.entry(id, new Placement(quarter, position));
    }
}
