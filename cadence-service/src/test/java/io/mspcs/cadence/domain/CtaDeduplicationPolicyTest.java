package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CtaDeduplicationPolicyTest {

    @Test
    void opensACtaWhenNoneIsOpenForTheKey() {
        assertThat(CtaDeduplicationPolicy.decide(Optional.empty(), "snapshot:s1")).isEqualTo(CauseDecision.OPEN);
    }

    @Test
    void countsANewCauseOnTheOpenCta() {
        assertThat(CtaDeduplicationPolicy.decide(Optional.of(Set.of("snapshot:s1")), "snapshot:s2"))
                .isEqualTo(CauseDecision.UPDATE);
    }

    @Test
    void ignoresACauseTheOpenCtaAlreadyHas() {
        assertThat(CtaDeduplicationPolicy.decide(Optional.of(Set.of("snapshot:s1", "snapshot:s2")), "snapshot:s1"))
                .isEqualTo(CauseDecision.DUPLICATE_CAUSE);
    }
}
