package io.mspcs.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** segmentation.md §8 E3 and E4. */
class BandsAndInvestmentTest {

    private final SegmentationPolicy policy = SegmentationPolicy.defaults();

    @Test
    void e3EqualRevenueBandsFollowCumulativeRevenueAndFixedBandsDiffer() {
        String[] names = {"P", "Q", "R", "S", "T", "U", "V"};
        int[] mrr = {12000, 8000, 6000, 4000, 3000, 2000, 1000};
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<MrrBand.Ranked> clients = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            UUID id = UUID.randomUUID();
            ids.put(names[i], id);
            clients.add(new MrrBand.Ranked(id, BigDecimal.valueOf(mrr[i]).setScale(2), Instant.parse("2026-01-01T00:00:00Z")));
        }
        Map<UUID, MrrBand> bands = MrrBand.equalRevenue(clients);
        assertThat(List.of("P", "Q", "R", "S", "T", "U", "V").stream().map(n -> bands.get(ids.get(n))).toList())
                .containsExactly(MrrBand.VIP, MrrBand.HIGH, MrrBand.MID, MrrBand.MID, MrrBand.LOW, MrrBand.LOW, MrrBand.LOW);
        assertThat(clients.stream().map(c -> MrrBand.fixed(c.mrr(), policy.mrrBands())).toList())
                .containsExactly(MrrBand.VIP, MrrBand.HIGH, MrrBand.HIGH, MrrBand.MID, MrrBand.MID, MrrBand.LOW, MrrBand.LOW);
    }

    @Test
    void equalRevenueWithZeroTotalIsAllLow() {
        UUID id = UUID.randomUUID();
        assertThat(MrrBand.equalRevenue(List.of(new MrrBand.Ranked(id, BigDecimal.ZERO, Instant.EPOCH))))
                .containsEntry(id, MrrBand.LOW);
    }

    private SegmentationPolicy.Investment investment(SegmentationPolicy.KeyedBy keyedBy, String hourlyCost) {
        var base = policy.investment();
        return new SegmentationPolicy.Investment(keyedBy, base.byBand(), base.bySegment(), base.tierPct(),
                new BigDecimal(hourlyCost), base.proactivePct());
    }

    @Test
    void e4HoursFromMrrByBandAtOneHundredTwentyPerHour() {
        InvestmentPlan plan = InvestmentPlan.of(new BigDecimal("8000.00"), MrrBand.HIGH, Segment.C,
                investment(SegmentationPolicy.KeyedBy.MRR_BAND, "120.00"));
        assertThat(plan.tier()).isEqualTo(Tier.PREMIUM);
        assertThat(plan.pct()).isEqualTo(7);
        assertThat(plan.monthlyBudget()).isEqualByComparingTo("560.00");
        assertThat(plan.annualBudget()).isEqualByComparingTo("6720.00");
        assertThat(plan.monthlyHours()).isEqualByComparingTo("4.67");
        assertThat(plan.annualHours()).isEqualByComparingTo("56.00");
        assertThat(plan.proactiveHoursMonthly()).isEqualByComparingTo("2.80");
        assertThat(plan.reactiveHoursMonthly()).isEqualByComparingTo("1.87");
    }

    @Test
    void e4HoursKeyedBySegment() {
        InvestmentPlan plan = InvestmentPlan.of(new BigDecimal("8000.00"), MrrBand.HIGH, Segment.C,
                investment(SegmentationPolicy.KeyedBy.SEGMENT, "120.00"));
        assertThat(plan.tier()).isEqualTo(Tier.STANDARD);
        assertThat(plan.monthlyBudget()).isEqualByComparingTo("400.00");
        assertThat(plan.monthlyHours()).isEqualByComparingTo("3.33");
        assertThat(plan.proactiveHoursMonthly()).isEqualByComparingTo("2.00");
        assertThat(plan.reactiveHoursMonthly()).isEqualByComparingTo("1.33");
    }

    @Test
    void e4HoursAtTheDefaultHourlyCost() {
        InvestmentPlan plan = InvestmentPlan.of(new BigDecimal("8000.00"), MrrBand.HIGH, Segment.C, policy.investment());
        assertThat(plan.monthlyHours()).isEqualByComparingTo("7.00");
        assertThat(plan.proactiveHoursMonthly()).isEqualByComparingTo("4.20");
        assertThat(plan.reactiveHoursMonthly()).isEqualByComparingTo("2.80");
    }
}
