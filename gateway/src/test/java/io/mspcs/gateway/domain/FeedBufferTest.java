package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedBufferTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    private FeedEntry entry(UUID tenantId, String client, String type) {
        return new FeedEntry(UUID.randomUUID(), tenantId, client, type, "{}");
    }

    @Test
    void resumesAfterTheLastEventWithTheTenantsMatchingEventsOnly() {
        FeedBuffer buffer = new FeedBuffer(100, 1000);
        FeedEntry seen = entry(tenant, "c1", "health.DmiDropped.v1");
        FeedEntry othersEvent = entry(other, "c1", "health.DmiDropped.v1");
        FeedEntry wrongType = entry(tenant, "c1", "cadence.CtaOpened.v1");
        FeedEntry missed = entry(tenant, "c1", "health.HealthScored.v1");
        List.of(seen, othersEvent, wrongType, missed).forEach(buffer::add);
        FeedFilter filter = new FeedFilter(tenant, Set.of(), List.of("health.*"));
        assertThat(buffer.after(seen.id(), filter)).contains(List.of(missed));
    }

    @Test
    void anIdNoLongerBufferedAsksForAResync() {
        FeedBuffer buffer = new FeedBuffer(2, 1000);
        FeedEntry first = entry(tenant, "c1", "t");
        buffer.add(first);
        buffer.add(entry(tenant, "c1", "t"));
        buffer.add(entry(tenant, "c1", "t"));
        assertThat(buffer.after(first.id(), new FeedFilter(tenant, Set.of(), List.of()))).isEmpty();
    }

    @Test
    void theTotalBoundDropsTheOldestOfAnyTenant() {
        FeedBuffer buffer = new FeedBuffer(10, 2);
        FeedEntry oldest = entry(tenant, "c1", "t");
        buffer.add(oldest);
        buffer.add(entry(other, "c1", "t"));
        buffer.add(entry(other, "c1", "t"));
        assertThat(buffer.after(oldest.id(), new FeedFilter(tenant, Set.of(), List.of()))).isEmpty();
    }

    @Test
    void filtersByClientAndExactOrDomainType() {
        FeedFilter filter = new FeedFilter(tenant, Set.of("c1"), List.of("roadmap.*", "cadence.CtaOpened.v1"));
        assertThat(filter.matches(entry(tenant, "c1", "roadmap.ProposalSent.v1"))).isTrue();
        assertThat(filter.matches(entry(tenant, "c1", "cadence.CtaOpened.v1"))).isTrue();
        assertThat(filter.matches(entry(tenant, "c1", "cadence.CtaClosed.v1"))).isFalse();
        assertThat(filter.matches(entry(tenant, "c2", "roadmap.ProposalSent.v1"))).isFalse();
        assertThat(filter.matches(entry(other, "c1", "roadmap.ProposalSent.v1"))).isFalse();
    }
}
