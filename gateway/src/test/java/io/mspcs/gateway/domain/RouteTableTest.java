package io.mspcs.gateway.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/clients, SEGMENTATION",
            "/api/v1/clients/bulk, SEGMENTATION",
            "/api/v1/clients/c1, SEGMENTATION",
            "/api/v1/clients/c1/segment, SEGMENTATION",
            "/api/v1/clients/c1/health, HEALTH",
            "/api/v1/clients/c1/health/history, HEALTH",
            "/api/v1/clients/c1/dmi/coverage, HEALTH",
            "/api/v1/signals/bulk, HEALTH",
            "/api/v1/health/portfolio, HEALTH",
            "/api/v1/clients/c1/ctas, CADENCE",
            "/api/v1/ctas/x, CADENCE",
            "/api/v1/clients/c1/roadmap, ROADMAP",
            "/api/v1/initiatives/x, ROADMAP",
            "/api/v1/clients/c1/360, GATEWAY",
            "/api/v1/me, GATEWAY",
            "/api/v1/clients/c1/unknown, NONE",
            "/api/v1/nothing, NONE",
            "/q/health, NONE"
    })
    void eachPathBelongsToExactlyOneOwner(String path, Upstream expected) {
        assertThat(RouteTable.route(path)).isEqualTo(expected);
    }
}
