package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CauseChainTest {

    @Test
    void keepsEveryCauseUpToFifty() {
        assertThat(IntStream.rangeClosed(1, 50).allMatch(seq -> CauseChain.keeps(seq, 50))).isTrue();
        assertThat(CauseChain.dropUpTo(50)).isLessThan(2);
    }

    @Test
    void keepsTheFirstAndTheNewest49Beyond() {
        assertThat(CauseChain.dropUpTo(51)).isEqualTo(2);
        assertThat(IntStream.rangeClosed(1, 60).filter(seq -> CauseChain.keeps(seq, 60)))
                .hasSize(50).startsWith(1, 12).endsWith(60);
    }
}
