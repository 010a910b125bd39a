package io.mspcs.gateway.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathsTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/clients/abc, clientId",
            "/api/v1/clients/..%2F.., path",
            "/api/v1/clients/c0ffee00-0000-0000-0000-00000000000g/health, clientId",
            "/api/v1/ctas/42, id",
            "/api/v1/proposals/x/send, id"
    })
    void refusesIdsThatAreNotUuids(String path, String field) {
        assertThat(RequestPaths.invalidId(path)).contains(field);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/clients",
            "/api/v1/clients/bulk",
            "/api/v1/clients/0b8e4a52-3f4e-4c1e-9d7a-2b1f6c0e9a11/health",
            "/api/v1/meetings/radar",
            "/api/v1/proposals/aging-sweep",
            "/api/v1/ctas/digest",
            "/api/v1/health-models/3/publish",
            "/api/v1/assessments/templates"
    })
    void acceptsUuidsAndNamedSubCollections(String path) {
        assertThat(RequestPaths.invalidId(path)).isEmpty();
    }
}
