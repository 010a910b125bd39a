package io.mspcs.roadmap.domain;

import io.mspcs.roadmap.domain.BudgetCalculator.FiscalYearFigures;
import io.mspcs.roadmap.domain.BudgetCalculator.Item;
import io.mspcs.roadmap.domain.BudgetCalculator.LineStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** roadmap.md §11 E2 and the E3 aftermath: Pine Street Legal, FY end 6. */
class BudgetCalculatorTest {

    private static final FiscalCalendar JUNE = new FiscalCalendar(6);
    private static final Item I1 = new Item(UUID.randomUUID(), LineStatus.COMMITTED, Quarter.parse("2027-Q1"),
            new Estimate(money("4500.00"), SpendType.OPEX, money("300.00"), YearMonth.of(2026, 7), null));
    private static final Item I2 = new Item(UUID.randomUUID(), LineStatus.COMMITTED, Quarter.parse("2027-Q2"),
            new Estimate(money("28800.00"), SpendType.CAPEX, null, null, null));
    private static final Item I3 = new Item(UUID.randomUUID(), LineStatus.PLANNED, Quarter.parse("2027-Q3"),
            new Estimate(money("6000.00"), SpendType.CAPEX, money("450.00"), YearMonth.of(2027, 2), 24));

    @Test
    void fiscalYear2027OfExampleE2SplitsCommittedAndPlannedPerQuarter() {
        FiscalYearFigures fy = BudgetCalculator.fiscalYear(2027, JUNE, List.of(I1, I2, I3));

        assertQuarter(fy, 0, "0.00", "5400.00", "0.00", "0.00", "5400.00");
        assertQuarter(fy, 1, "28800.00", "900.00", "0.00", "0.00", "29700.00");
        assertQuarter(fy, 2, "0.00", "900.00", "6000.00", "900.00", "7800.00");
        assertQuarter(fy, 3, "0.00", "900.00", "0.00", "1350.00", "2250.00");
        assertThat(fy.totals().forecast()).isEqualByComparingTo("45150.00");
        assertThat(fy.totals().oneTime()).isEqualByComparingTo("39300.00");
        assertThat(fy.totals().recurring()).isEqualByComparingTo("5850.00");
        assertThat(fy.totals().capex()).isEqualByComparingTo("34800.00");
        assertThat(fy.totals().opex()).isEqualByComparingTo("10350.00");
        assertThat(fy.totals().committed()).isEqualByComparingTo("36900.00");
    }

    @Test
    void openEndedAndTermedRecurringCarryIntoFiscalYear2028() {
        FiscalYearFigures fy = BudgetCalculator.fiscalYear(2028, JUNE, List.of(I1, I2, I3));

        assertThat(fy.totals().forecast()).isEqualByComparingTo("9000.00");
        assertThat(fy.totals().oneTime()).isEqualByComparingTo("0.00");
    }

    @Test
    void deferringI3ByOneQuarterShiftsItsRecurringStartAndGivesTheE3Figures() {
        Item deferred = new Item(I3.initiativeId(), LineStatus.PLANNED, Quarter.parse("2027-Q4"),
                I3.estimate().shiftedBy(3));

        FiscalYearFigures fy = BudgetCalculator.fiscalYear(2027, JUNE, List.of(I1, I2, deferred));

        assertThat(fy.quarters().get(2).forecast().total()).isEqualByComparingTo("900.00");
        assertThat(fy.quarters().get(3).forecast().total()).isEqualByComparingTo("7800.00");
        assertThat(fy.totals().forecast()).isEqualByComparingTo("43800.00");
        assertThat(BudgetCalculator.fiscalYear(2028, JUNE, List.of(I1, I2, deferred)).totals().forecast())
                .isEqualByComparingTo("9000.00");
    }

    @Test
    void approvingI2WarnsThatQ2CapexExceedsTheEnvelopeButOpexDoesNot() {
        Item proposedI2 = new Item(I2.initiativeId(), LineStatus.PLANNED, I2.quarter(), I2.estimate());
        var envelopes = Map.of(Quarter.parse("2027-Q2"),
                new EnvelopeCheck.Envelope(money("25000.00"), money("2000.00")));

        var exceeded = EnvelopeCheck.exceeded(BudgetCalculator.fiscalYear(2027, JUNE, List.of(I1, proposedI2)),
                BudgetCalculator.fiscalYear(2027, JUNE, List.of(I1, I2)), envelopes);

        assertThat(exceeded).singleElement().satisfies(warning -> {
            assertThat(warning.quarter()).isEqualTo(Quarter.parse("2027-Q2"));
            assertThat(warning.category()).isEqualTo(SpendType.CAPEX);
            assertThat(warning.envelope()).isEqualByComparingTo("25000.00");
            assertThat(warning.committedAfter()).isEqualByComparingTo("28800.00");
            assertThat(warning.overBy()).isEqualByComparingTo("3800.00");
        });
    }

    @Test
    void manualLinesAddToTheirQuarterAndTotalsNextToTheE2Initiatives() {
        var renewal = new BudgetCalculator.ManualLine(UUID.randomUUID(), Quarter.parse("2027-Q2"), SpendType.OPEX,
                true, money("1500.00"), LineStatus.COMMITTED);
        var firewall = new BudgetCalculator.ManualLine(UUID.randomUUID(), Quarter.parse("2027-Q4"), SpendType.CAPEX,
                false, money("12000.00"), LineStatus.PLANNED);

        FiscalYearFigures fy = BudgetCalculator.fiscalYear(2027, JUNE, List.of(I1, I2, I3), List.of(renewal, firewall));

        assertQuarter(fy, 1, "28800.00", "2400.00", "0.00", "0.00", "31200.00");
        assertQuarter(fy, 3, "0.00", "900.00", "12000.00", "1350.00", "14250.00");
        assertThat(fy.totals().forecast()).isEqualByComparingTo("58650.00");
        assertThat(fy.totals().oneTime()).isEqualByComparingTo("51300.00");
        assertThat(fy.totals().recurring()).isEqualByComparingTo("7350.00");
        assertThat(fy.totals().committed()).isEqualByComparingTo("38400.00");
    }

    @Test
    void derivedLinesOfI3InFiscalYear2027AreItsOneTimeAndTwoRecurringMonthsWithStableIds() {
        var lines = BudgetCalculator.derivedLines(2027, JUNE, List.of(I3));

        assertThat(lines).extracting(l -> l.quarter().toString(), BudgetCalculator.DerivedLine::recurring,
                        BudgetCalculator.DerivedLine::months, l -> l.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2027-Q3", false, 0, "6000.00"),
                        org.assertj.core.groups.Tuple.tuple("2027-Q3", true, 2, "900.00"),
                        org.assertj.core.groups.Tuple.tuple("2027-Q4", true, 3, "1350.00"));
        assertThat(BudgetCalculator.derivedLines(2027, JUNE, List.of(I3)).get(0).id()).isEqualTo(lines.get(0).id());
    }

    @Test
    void deferringI3NamesItsNewChangedAndGoneDerivedLinesButNotI1s() {
        Item deferred = new Item(I3.initiativeId(), LineStatus.PLANNED, Quarter.parse("2027-Q4"),
                new Estimate(money("6000.00"), SpendType.CAPEX, money("450.00"), YearMonth.of(2027, 5), 24));
        var before = BudgetCalculator.fingerprints(BudgetCalculator.derivedLines(2027, JUNE, List.of(I1, I3)));
        var after = BudgetCalculator.fingerprints(BudgetCalculator.derivedLines(2027, JUNE, List.of(I1, deferred)));

        assertThat(BudgetCalculator.changedDerivedLines(before, after)).containsExactly(
                BudgetCalculator.lineId(I3.initiativeId(), Quarter.parse("2027-Q4"), "ONE_TIME"),
                BudgetCalculator.lineId(I3.initiativeId(), Quarter.parse("2027-Q4"), "RECURRING"),
                BudgetCalculator.lineId(I3.initiativeId(), Quarter.parse("2027-Q3"), "ONE_TIME"),
                BudgetCalculator.lineId(I3.initiativeId(), Quarter.parse("2027-Q3"), "RECURRING"));
        assertThat(BudgetCalculator.changedDerivedLines(after, after)).isEmpty();
    }

    @Test
    void withoutTheLinesSavedBeforeEveryPresentDerivedLineCountsAsChanged() {
        var lines = BudgetCalculator.fingerprints(BudgetCalculator.derivedLines(2027, JUNE, List.of(I3)));

        assertThat(BudgetCalculator.changedDerivedLines(null, lines)).containsExactlyElementsOf(lines.keySet())
                .hasSize(3);
    }

    @Test
    void draftsAndUncompletedClosingsHaveNoLines() {
        assertThat(BudgetCalculator.statusOf(InitiativeState.DRAFT, false)).isNull();
        assertThat(BudgetCalculator.statusOf(InitiativeState.REJECTED, false)).isNull();
        assertThat(BudgetCalculator.statusOf(InitiativeState.CLOSED, false)).isNull();
        assertThat(BudgetCalculator.statusOf(InitiativeState.CLOSED, true)).isEqualTo(LineStatus.COMMITTED);
        assertThat(BudgetCalculator.statusOf(InitiativeState.DEFERRED, false)).isEqualTo(LineStatus.PLANNED);
        assertThat(BudgetCalculator.statusOf(InitiativeState.IN_PROGRESS, false)).isEqualTo(LineStatus.COMMITTED);
    }

    private static void assertQuarter(FiscalYearFigures fy, int index, String committedCapex, String committedOpex,
                                      String plannedCapex, String plannedOpex, String forecast) {
        var quarter = fy.quarters().get(index);
        assertThat(quarter.committed().capex()).as("committed capex").isEqualByComparingTo(committedCapex);
        assertThat(quarter.committed().opex()).as("committed opex").isEqualByComparingTo(committedOpex);
        assertThat(quarter.planned().capex()).as("planned capex").isEqualByComparingTo(plannedCapex);
        assertThat(quarter.planned().opex()).as("planned opex").isEqualByComparingTo(plannedOpex);
        assertThat(quarter.forecast().total()).as("forecast").isEqualByComparingTo(forecast);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
