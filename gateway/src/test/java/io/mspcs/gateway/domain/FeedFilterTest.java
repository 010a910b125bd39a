package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedFilterTest {

    private static final UUID TENANT = UUID.randomUUID();

    private static FeedEntry entry(UUID tenant, String type) {
        return new FeedEntry(UUID.randomUUID(), tenant, "", type, "{}");
    }

    @Test
    void theGatewaysOwnRecordsReachTenantAdminsOnly() {
        FeedEntry deactivated = entry(TENANT, "gateway.IntegrationDeactivated.v1");
        assertThat(new FeedFilter(TENANT, Set.of(), List.of(), true).matches(deactivated)).isTrue();
        assertThat(new FeedFilter(TENANT, Set.of(), List.of(), false).matches(deactivated)).isFalse();
        assertThat(new FeedFilter(TENANT, Set.of(), List.of("gateway.*"), false).matches(deactivated)).isFalse();
        assertThat(new FeedFilter(UUID.randomUUID(), Set.of(), List.of(), true).matches(deactivated)).isFalse();
    }

    @Test
    void serviceEventsReachEveryReaderOfTheTenant() {
        assertThat(new FeedFilter(TENANT, Set.of(), List.of("health.*"), false)
                .matches(entry(TENANT, "health.DmiDropped.v1"))).isTrue();
    }
}
