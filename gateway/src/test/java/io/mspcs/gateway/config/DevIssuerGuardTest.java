package io.mspcs.gateway.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevIssuerGuardTest {

    @Test
    void refusesToStartInProductionWithTheDevIssuer() {
        assertThatThrownBy(() -> DevIssuerGuard.refuseInProduction(true, true)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> DevIssuerGuard.refuseInProduction(true, false)).doesNotThrowAnyException();
        assertThatCode(() -> DevIssuerGuard.refuseInProduction(false, true)).doesNotThrowAnyException();
    }
}
