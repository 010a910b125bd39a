package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DigestTest {

    private static final UUID CLIENT = UUID.randomUUID();

    private static Digest.Item item(UUID cta, String priority, String change) {
        return new Digest.Item(cta, CLIENT, "REMEDIATION", "DMI dropped", priority,
                Instant.parse("2026-11-27T17:00:00Z"), change);
    }

    @Test
    void aCtaOpenedAndThenUpdatedInTheWindowIsOneItemThatStaysOpenedWithItsNewestState() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        List<Digest.Item> items = Digest.collapse(List.of(item(first, "MEDIUM", CtaNotice.OPENED),
                item(second, "LOW", CtaNotice.UPDATED), item(first, "HIGH", CtaNotice.UPDATED)));

        assertThat(items).extracting(Digest.Item::ctaId).containsExactly(first, second);
        assertThat(items.get(0).change()).isEqualTo("OPENED");
        assertThat(items.get(0).priority()).isEqualTo("HIGH");
    }

    @Test
    void aDigestHoldsAtMostAHundredItemsTheOldestFirst() {
        List<Digest.Item> notices = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            notices.add(item(UUID.randomUUID(), "LOW", CtaNotice.OPENED));
        }

        List<Digest.Item> items = Digest.collapse(notices);

        assertThat(items).hasSize(100).first().isEqualTo(notices.get(0));
    }

    @Test
    void anUnassignedCtaNotifiesTheCsLeaderAndOnlyImmediateNoticesUseTheBudget() {
        UUID leader = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-26T23:30:00Z");
        Digest.Item item = item(UUID.randomUUID(), "HIGH", CtaNotice.OPENED);

        CtaNotice unassigned = CtaNotice.of(null, leader, item, Notification.DIGEST, at, ZoneId.of("UTC"));
        CtaNotice immediate = CtaNotice.of(UUID.randomUUID(), leader, item, Notification.IMMEDIATE, at,
                ZoneId.of("Europe/Berlin"));

        assertThat(unassigned.memberId()).isEqualTo(leader);
        assertThat(unassigned.counted()).isFalse();
        assertThat(immediate.counted()).isTrue();
        // The budget's day is the tenant's local day.
        assertThat(immediate.localDay()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(CtaNotice.of(null, leader, item, Notification.NONE, at, ZoneId.of("UTC"))).isNull();
    }
}
