package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** cadence.md §9 E6 (at-risk task dates) and E10 (cascade with a hand-set due date). */
class PlaybookPlannerTest {

    private static final Instant START = Instant.parse("2026-06-02T15:30:00Z");
    private static final Instant ACK = Instant.parse("2026-06-03T10:30:00Z");

    private final PlaybookPlanner planner = new PlaybookPlanner(new SlaCalculator(WorkingCalendar.DEFAULT));
    private final PlaybookTemplate atRisk = PlaybookCatalogue.seeded("at-risk").orElseThrow();

    private List<PlaybookPlanner.Planned> plan() {
        return planner.plan(atRisk.tasksFor(Segment.A), START, ACK);
    }

    private static Map<String, PlaybookPlanner.Planned> byKey(List<PlaybookPlanner.Planned> tasks) {
        return tasks.stream().collect(Collectors.toMap(t -> t.task.taskKey(), t -> t));
    }

    @Test
    void e6AtRiskTasksFallDueFromTheRunStartAndTheAcknowledgeSla() {
        Map<String, PlaybookPlanner.Planned> tasks = byKey(plan());
        assertThat(tasks.get("R1").dueAt).isEqualTo(ACK);
        assertThat(tasks.get("R2").dueAt).isEqualTo("2026-06-03T17:00:00Z");
        assertThat(tasks.get("R3").dueAt).isEqualTo("2026-06-05T17:00:00Z");
        assertThat(tasks.get("R4").dueAt).isEqualTo("2026-06-09T17:00:00Z");
        assertThat(tasks.get("R5").dueAt).isEqualTo("2026-06-11T17:00:00Z");
        assertThat(tasks.get("R4").task.ownerFor(Segment.A)).isEqualTo(Role.VCIO);
        assertThat(tasks.get("R7").task.required()).isFalse();
    }

    @Test
    void e6CompletionsMoveTheirDependents() {
        List<PlaybookPlanner.Planned> list = plan();
        Map<String, PlaybookPlanner.Planned> tasks = byKey(list);
        tasks.get("R4").completedAt = Instant.parse("2026-06-05T15:00:00Z");
        planner.recompute(list, START, ACK);
        assertThat(tasks.get("R5").dueAt).isEqualTo("2026-06-07T15:00:00Z");
        tasks.get("R5").completedAt = Instant.parse("2026-06-06T11:00:00Z");
        planner.recompute(list, START, ACK);
        assertThat(tasks.get("R6").dueAt).isEqualTo("2026-06-22T17:00:00Z");
    }

    @Test
    void e10AHandSetDueDateLocksTheTaskAndCascadesToItsDependents() {
        List<PlaybookPlanner.Planned> list = plan();
        Map<String, PlaybookPlanner.Planned> tasks = byKey(list);
        tasks.get("R4").dueAt = Instant.parse("2026-06-12T17:00:00Z");
        tasks.get("R4").locked = true;
        List<String> moved = planner.recompute(list, START, ACK);
        assertThat(tasks.get("R4").dueAt).isEqualTo("2026-06-12T17:00:00Z");
        assertThat(tasks.get("R5").dueAt).isEqualTo("2026-06-14T17:00:00Z");
        assertThat(tasks.get("R6").dueAt).isEqualTo("2026-06-29T17:00:00Z");
        assertThat(tasks.get("R7").dueAt).isEqualTo("2026-08-13T17:00:00Z");
        assertThat(moved).contains("R5", "R6", "R7", "R8").doesNotContain("R1", "R2", "R3", "R4");
    }

    @Test
    void theSeededCatalogueHasTheFivePlaysRemediationAndTheSmallPlays() {
        assertThat(PlaybookCatalogue.all()).extracting(PlaybookTemplate::key).contains("onboarding", "engagement",
                "consultative-sales", "upsell", "at-risk", "remediation", "reengage", "cadence-review",
                "dmi-resequence", "value-reset", "backup-recovery", "proposal-reset", "initiative-kickoff");
        assertThat(PlaybookCatalogue.seeded("onboarding").orElseThrow().tasksFor(Segment.D))
                .extracting(t -> t.taskKey()).doesNotContain("O4", "O7", "O8", "O10");
    }
}
