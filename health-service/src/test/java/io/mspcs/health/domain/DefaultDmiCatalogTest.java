package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DefaultDmiCatalogTest {

    @Test
    void holdsTheEightDefaultInsightsOfVersionOne() {
        DmiCatalog catalog = DefaultDmiCatalog.v1();

        assertThat(catalog.version()).isEqualTo(1);
        assertThat(catalog.active()).extracting(Insight::code, Insight::category, Insight::weight,
                        i -> i.target().toPlainString(), Insight::tier,
                        i -> i.gateThreshold() == null ? null : i.gateThreshold().toPlainString())
                .containsExactly(
                        tuple("MFA", "IDENTITY_ACCESS", 5, "0.95", 1, "0.60"),
                        tuple("ENDPOINT_PROTECTION", "SECURITY", 4, "0.98", 1, "0.80"),
                        tuple("PATCH_COMPLIANCE", "ENDPOINT_LIFECYCLE", 4, "0.95", 1, null),
                        tuple("BACKUP_SUCCESS", "BACKUP_DR", 4, "0.98", 1, null),
                        tuple("EMAIL_SECURITY", "SECURITY", 3, "0.95", 1, null),
                        tuple("CONDITIONAL_ACCESS", "IDENTITY_ACCESS", 3, "0.90", 2, null),
                        tuple("DEVICE_ENCRYPTION", "SECURITY", 2, "0.90", 2, null),
                        tuple("COLLABORATION_USAGE", "PRODUCTIVITY_COLLAB", 2, "0.70", 2, null));
        assertThat(catalog.active()).allSatisfy(insight -> {
            assertThat(insight.code()).matches("^[A-Z][A-Z0-9_]{1,39}$");
            assertThat(insight.name()).hasSizeLessThanOrEqualTo(100);
            assertThat(insight.definition()).isNotBlank().hasSizeLessThanOrEqualTo(500);
            assertThat(insight.dataSource()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        });
    }
}
