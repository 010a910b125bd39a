package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MissReasonTest {

    private static final Instant MISS_AT = Instant.parse("2026-02-18T00:00:00Z");

    @Test
    void e2AMeetingHeldWithRecapTimeLeftMakesTheSlotWaitUntilTheRecapIsDue() {
        MissReason.Verdict verdict = MissReason.judge("HELD", true, null, Instant.parse("2026-02-19T16:00:00Z"),
                false, MISS_AT);
        assertThat(verdict.waits()).isTrue();
        assertThat(verdict.waitUntil()).isEqualTo("2026-02-19T16:00:00Z");

        MissReason.Verdict atRecapDue = MissReason.judge("HELD", true, null, Instant.parse("2026-02-19T16:00:00Z"),
                false, Instant.parse("2026-02-19T16:00:00Z"));
        assertThat(atRecapDue.reason()).isEqualTo(MissReason.NO_RECAP);
    }

    @Test
    void e2ALateRecapIsNoRecapAtTheMissInstant() {
        assertThat(MissReason.judge("HELD", true, null, Instant.parse("2026-02-11T15:00:00Z"), true, MISS_AT).reason())
                .isEqualTo(MissReason.NO_RECAP);
    }

    @Test
    void reasonsComeFromTheSlotsLatestMeeting() {
        assertThat(MissReason.judge(null, false, null, null, false, MISS_AT).reason()).isEqualTo(MissReason.NOT_SCHEDULED);
        assertThat(MissReason.judge("SCHEDULED", false, null, null, false, MISS_AT).reason())
                .isEqualTo(MissReason.NOT_SCHEDULED);
        assertThat(MissReason.judge("SCHEDULED", true, null, null, false, MISS_AT).reason())
                .isEqualTo(MissReason.NOT_RECORDED);
        assertThat(MissReason.judge("CANCELLED", true, "NO_SHOW", null, false, MISS_AT).reason())
                .isEqualTo(MissReason.NO_SHOW);
        assertThat(MissReason.judge("CANCELLED", true, "CANCELLED_BY_CLIENT", null, false, MISS_AT).reason())
                .isEqualTo(MissReason.CANCELLED_BY_CLIENT);
    }
}
