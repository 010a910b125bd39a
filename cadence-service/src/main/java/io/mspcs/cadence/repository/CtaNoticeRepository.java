package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CtaNoticeRepository implements PanacheRepositoryBase<CtaNoticeEntity, UUID> {

    /** The member's IMMEDIATE notifications on a local day (the alert budget's count). */
    public Uni<Long> immediateCount(UUID tenantId, UUID memberId, LocalDate day) {
        return count("tenantId = ?1 and localDay = ?2 and memberId = ?3 and counted = true", tenantId, day, memberId);
    }

    /** The notices no digest has taken yet, noticed by {@code until}, oldest first. */
    public Uni<List<CtaNoticeEntity>> pending(UUID tenantId, Instant until) {
        return list("tenantId = ?1 and digestDate is null and noticedAt <= ?2 order by noticedAt, id", tenantId, until);
    }

    public Uni<List<CtaNoticeEntity>> pendingOf(UUID tenantId, UUID memberId, Instant until) {
        return list("tenantId = ?1 and memberId = ?2 and digestDate is null and noticedAt <= ?3 order by noticedAt, id",
                tenantId, memberId, until);
    }

    public Uni<List<CtaNoticeEntity>> digestedOf(UUID tenantId, UUID memberId, LocalDate date) {
        return list("tenantId = ?1 and memberId = ?2 and digestDate = ?3 order by noticedAt, id",
                tenantId, memberId, date);
    }

    public Uni<Integer> markDigested(UUID tenantId, Instant until, LocalDate date, Instant at) {
        return update("digestDate = ?3, updatedAt = ?4, version = version + 1 "
                + "where tenantId = ?1 and digestDate is null and noticedAt <= ?2", tenantId, until, date, at);
    }

    /** The oldest notice still waiting for a digest, if any. */
    public Uni<Instant> oldestPending(UUID tenantId) {
        return find("select min(noticedAt) from CtaNoticeEntity where tenantId = ?1 and digestDate is null", tenantId)
                .project(Instant.class).firstResult();
    }
}
