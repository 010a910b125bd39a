package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogRulesTest {

    private static CatalogRules.Draft insight(String code, String category, Integer weight, String target) {
        return new CatalogRules.Draft(code, "Name", "Definition", "Source", category, weight,
                target == null ? null : new BigDecimal(target), 1, null, "INSIGHT_COVERAGE", null);
    }

    @Test
    void eachFieldIsCheckedAgainstTheSpecsLimits() {
        assertThat(CatalogRules.check(insight("MFA", "IDENTITY_ACCESS", 5, "0.95"), "")).isEmpty();
        assertThat(CatalogRules.check(insight("mfa", "IDENTITY_ACCESS", 6, "0.005"), "insights[2]."))
                .containsExactly(new Violation("insights[2].code", "pattern"), new Violation("insights[2].weight", "range"),
                        new Violation("insights[2].target", "range"));
        assertThat(CatalogRules.check(insight("MFA", null, null, null), ""))
                .extracting(Violation::field).containsExactly("category", "weight", "target");
    }

    @Test
    void twentyActiveInsightsFitButNotTwentyOneAndInactiveOnesDoNotCount() {
        List<Insight> insights = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            insights.add(insight("I_" + i, "SECURITY", 1, "0.9").toInsight());
        }
        assertThat(CatalogRules.overLimit(insights)).isFalse();
        insights.add(new Insight("OFF", "n", "d", "s", "SECURITY", 1, BigDecimal.ONE, 1, null, "MANUAL", false));
        assertThat(CatalogRules.overLimit(insights)).isFalse();
        insights.add(insight("ON", "SECURITY", 1, "0.9").toInsight());
        assertThat(CatalogRules.overLimit(insights)).isTrue();
    }

    @Test
    void duplicateCodesAndMoreThanTenCategoriesAreInvalid() {
        List<Insight> insights = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            insights.add(insight("I_" + i, "CAT_" + i, 1, "0.9").toInsight());
        }
        insights.add(insight("I_0", "CAT_0", 1, "0.9").toInsight());

        assertThat(CatalogRules.checkVersion(insights)).containsExactly(new Violation("insights[11].code", "duplicate"),
                new Violation("insights", "categories"));
    }

    @Test
    void changesCountAddedRemovedAndChangedInsightsWhateverTheScaleOfTheirNumbers() {
        List<Insight> before = List.of(insight("A_1", "SECURITY", 2, "0.90").toInsight(),
                insight("B_1", "SECURITY", 2, "0.90").toInsight(), insight("C_1", "SECURITY", 2, "0.90").toInsight());
        List<Insight> after = List.of(insight("A_1", "SECURITY", 2, "0.9000").toInsight(),
                insight("B_1", "SECURITY", 3, "0.90").toInsight(), insight("D_1", "SECURITY", 2, "0.90").toInsight());

        assertThat(CatalogRules.changes(before, after)).isEqualTo(3);
        assertThat(CatalogRules.changes(before, before)).isZero();
    }
}
