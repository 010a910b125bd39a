package io.mspcs.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy validation (§2.6, §7), the keep rule of §3.4 and the freeze of §3.6. */
class PolicyAndPromotionTest {

    private final SegmentationPolicy defaults = SegmentationPolicy.defaults();

    @Test
    void defaultPolicyIsValid() {
        assertThat(defaults.violations()).isEmpty();
    }

    @Test
    void weightsMustSumToOneBandsDescendAndKeepStaysBelowThreshold() {
        var axes = new SegmentationPolicy.Axes(Map.of("ADOPTION", new BigDecimal("0.5")), defaults.axes().appetiteWeights(),
                defaults.axes().highThreshold(), defaults.axes().hysteresisMargin(), defaults.axes().innovationThreshold());
        var bands = new SegmentationPolicy.MrrBands(SegmentationPolicy.BandMethod.FIXED, new BigDecimal("100"),
                new BigDecimal("200"), new BigDecimal("50"));
        var promotion = new SegmentationPolicy.Promotion(true, new BigDecimal("70"), new BigDecimal("70"), 90, 30, true);
        var policy = new SegmentationPolicy(1, "USD", axes, Segment.C, 30, defaults.freeze(), promotion, bands,
                defaults.investment(), defaults.capacity(), defaults.requiredRoles());
        assertThat(policy.violations()).extracting(Violation::code).containsExactly("sum", "order", "range");
    }

    @Test
    void aMissedCadenceRevokesAPromotion() {
        var readings = List.of(new ClientSignals.DmiReading(new BigDecimal("80"), Instant.parse("2026-04-01T00:00:00Z")));
        var missed = List.of(new ClientSignals.CadenceRecord(ClientSignals.CadenceKind.CADENCE_MISSED,
                Instant.parse("2026-03-01T00:00:00Z")));
        PromotionCheck check = PromotionCheck.evaluate(readings, missed, LocalDate.parse("2026-04-10"), defaults.promotion(), true);
        assertThat(check.eligible()).isFalse();
        assertThat(PromotionCheck.evaluate(readings, List.of(), LocalDate.parse("2026-04-10"), defaults.promotion(), true)
                .eligible()).isTrue();
    }

    @Test
    void aStaleReadingDoesNotPromote() {
        var readings = List.of(new ClientSignals.DmiReading(new BigDecimal("80"), Instant.parse("2025-12-01T00:00:00Z")));
        var held = List.of(new ClientSignals.CadenceRecord(ClientSignals.CadenceKind.MEETING_HELD,
                Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(PromotionCheck.evaluate(readings, held, LocalDate.parse("2026-04-10"), defaults.promotion(), false)
                .eligible()).isFalse();
    }

    @Test
    void aRedCompositeFreezesWithoutAWindow() {
        var signals = new ClientSignals(List.of(), List.of(), List.of(), List.of(), "RED", null, Map.of());
        FreezeStatus freeze = FreezeStatus.evaluate(signals, defaults.freeze(), Instant.parse("2026-04-10T00:00:00Z"));
        assertThat(freeze.active()).isTrue();
        assertThat(freeze.red()).isTrue();
        assertThat(freeze.until()).isNull();
    }
}
