package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TaskDueNoticeTest {

    private static final Instant DUE = Instant.parse("2026-06-03T17:00:00Z");

    @Test
    void aTaskDueLaterThanADayIsDueSoonADayBeforeAndOverdueAtItsDueDate() {
        assertThat(TaskDueNotice.plan(DUE, Instant.parse("2026-06-02T15:30:00Z"))).containsExactly(
                new TaskDueNotice.Planned(TaskDueNotice.State.DUE_SOON, Instant.parse("2026-06-02T17:00:00Z")),
                new TaskDueNotice.Planned(TaskDueNotice.State.OVERDUE, DUE));
    }

    @Test
    void aTaskGivenLessThanADayIsDueSoonAtOnceAndAnOverdueOneOnlyOverdue() {
        Instant now = Instant.parse("2026-06-03T09:00:00Z");
        assertThat(TaskDueNotice.plan(DUE, now)).extracting(TaskDueNotice.Planned::fireAt).containsExactly(now, DUE);
        assertThat(TaskDueNotice.plan(DUE, Instant.parse("2026-06-04T09:00:00Z")))
                .containsExactly(new TaskDueNotice.Planned(TaskDueNotice.State.OVERDUE, DUE));
    }

    @Test
    void aNoticeHoldsOnlyForAnOpenTaskStillDueWhenItWasPlanned() {
        Instant soon = Instant.parse("2026-06-02T17:00:00Z");
        assertThat(TaskDueNotice.holds(TaskDueNotice.State.DUE_SOON, soon, DUE, true)).isTrue();
        assertThat(TaskDueNotice.holds(TaskDueNotice.State.DUE_SOON, soon, DUE, false)).isFalse();
        assertThat(TaskDueNotice.holds(TaskDueNotice.State.DUE_SOON, soon, DUE.plusSeconds(86_400), true)).isFalse();
        assertThat(TaskDueNotice.holds(TaskDueNotice.State.OVERDUE, DUE, DUE, true)).isTrue();
        assertThat(TaskDueNotice.holds(TaskDueNotice.State.OVERDUE, DUE, DUE.plusSeconds(3600), true)).isFalse();
    }
}
