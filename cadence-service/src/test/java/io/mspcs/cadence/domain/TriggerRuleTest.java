package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerRuleTest {

    @Test
    void version1IsTheCatalogueDefaultWithTheSpecThresholds() {
        assertThat(TriggerRule.ruleIds()).startsWith("AD-T9", "AD-T4").contains("T-REN", "T-FYE", "T-NEW", "T-PROP60");
        TriggerRule dmiDrop = TriggerRule.defaultOf("AD-T9").orElseThrow();
        assertThat(dmiDrop.version()).isEqualTo(1);
        assertThat(dmiDrop.enabled()).isTrue();
        assertThat(dmiDrop.param(TriggerRule.MIN_DROP_POINTS)).isEqualByComparingTo("10");
        assertThat(TriggerRule.defaultOf("AD-T4").orElseThrow().param(TriggerRule.MIN_FLAT_CYCLES)).isEqualByComparingTo("2");
        assertThat(TriggerRule.defaultOf("T-REN").orElseThrow().param(TriggerRule.LEAD_DAYS)).isEqualByComparingTo("90");
        assertThat(TriggerRule.defaultOf("T-FYE").orElseThrow().param(TriggerRule.LEAD_DAYS)).isEqualByComparingTo("30");
        assertThat(TriggerRule.defaultOf("X-1")).isEmpty();
    }

    @Test
    void aPatchPublishesTheNextVersionAndKeepsWhatItDoesNotName() {
        TriggerRule v1 = TriggerRule.defaultOf("AD-T9").orElseThrow();

        TriggerRule v2 = v1.patched(null, Map.of("minDropPoints", new BigDecimal("8")));
        TriggerRule v3 = v2.patched(false, null);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.enabled()).isTrue();
        assertThat(v2.param("minDropPoints")).isEqualByComparingTo("8");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.enabled()).isFalse();
        assertThat(v3.param("minDropPoints")).isEqualByComparingTo("8");
        assertThat(v1.param("minDropPoints")).isEqualByComparingTo("10");
    }

    @Test
    void unknownZeroFractionalOrEmptyChangesAreRefused() {
        TriggerRule flat = TriggerRule.defaultOf("AD-T4").orElseThrow();

        assertThatThrownBy(() -> flat.patched(null, Map.of("minDropPoints", BigDecimal.ONE)))
                .isInstanceOfSatisfying(TriggerRule.InvalidPatch.class, e -> assertThat(e.code()).isEqualTo("unknown-param"));
        assertThatThrownBy(() -> flat.patched(null, Map.of("minFlatCycles", BigDecimal.ZERO)))
                .isInstanceOfSatisfying(TriggerRule.InvalidPatch.class, e -> assertThat(e.code()).isEqualTo("positive"));
        assertThatThrownBy(() -> flat.patched(null, Map.of("minFlatCycles", new BigDecimal("2.5"))))
                .isInstanceOfSatisfying(TriggerRule.InvalidPatch.class, e -> assertThat(e.code()).isEqualTo("integer"));
        assertThatThrownBy(() -> flat.patched(null, Map.of()))
                .isInstanceOfSatisfying(TriggerRule.InvalidPatch.class, e -> assertThat(e.code()).isEqualTo("empty"));
    }
}
