package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FirstActionSlaTest {

    private static final Instant DUE = Instant.parse("2026-11-23T14:03:13Z");

    @Test
    void isMetByAFirstActionInTime() {
        assertThat(FirstActionSla.met(Instant.parse("2026-11-20T16:00:00Z"), DUE, Instant.parse("2027-01-15T10:00:00Z")))
                .isTrue();
        assertThat(FirstActionSla.met(DUE, DUE, DUE.plusSeconds(60))).isTrue();
    }

    @Test
    void isMissedByALateFirstAction() {
        assertThat(FirstActionSla.met(DUE.plusSeconds(1), DUE, DUE.plusSeconds(60))).isFalse();
    }

    @Test
    void withoutAnyActionDependsOnWhetherTheCtaClosedInTime() {
        assertThat(FirstActionSla.met(null, DUE, DUE.minusSeconds(3600))).isTrue();
        assertThat(FirstActionSla.met(null, DUE, DUE.plusSeconds(3600))).isFalse();
    }
}
