package io.mspcs.health.service;

import io.mspcs.health.domain.DmiSnapshotPolicy;
import io.mspcs.health.domain.SnapshotKind;
import io.mspcs.health.repository.ClientHealthEntity;
import io.mspcs.health.repository.DmiSnapshotEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The monthly cycle close as one recompute sees it (health.md §3.3): the first recompute at or after 00:00 on the
 * 1st (tenant zone) — normally the sweep, planned by {@code nextReviewAt} — takes the CYCLE snapshot of the month
 * that ended. A client's first recompute only starts its cycle bookkeeping: it takes no CYCLE for an earlier month.
 */
final class CycleClose {

    private final ZoneId zone;
    private final YearMonth ended;
    private final LocalDate today;

    CycleClose(String timeZone, Instant now) {
        this.zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        LocalDate date = now.atZone(zone).toLocalDate();
        this.ended = YearMonth.from(date).minusMonths(1);
        this.today = date;
    }

    ZoneId zone() {
        return zone;
    }

    YearMonth ended() {
        return ended;
    }

    LocalDate today() {
        return today;
    }

    /** Whether this recompute closes a cycle of the client. */
    boolean due(ClientHealthEntity client) {
        return client.cyclePeriod != null && YearMonth.parse(client.cyclePeriod.trim()).isBefore(ended);
    }

    void passed(ClientHealthEntity client) {
        if (client.cyclePeriod == null || due(client)) {
            client.cyclePeriod = ended.toString();
        }
    }

    /** The client's latest CYCLE snapshot among its recent ones (the drop window covers the previous month). */
    DmiSnapshotPolicy.PreviousCycle previous(List<DmiSnapshotEntity> recent) {
        return recent.stream().filter(s -> s.kind == SnapshotKind.CYCLE)
                .max(Comparator.comparingInt(s -> s.seq))
                .map(DmiSnapshotEntity::toPreviousCycle).orElse(null);
    }
}
