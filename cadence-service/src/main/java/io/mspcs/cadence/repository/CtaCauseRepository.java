package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.CauseChain;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class CtaCauseRepository implements PanacheRepositoryBase<CtaCauseEntity, UUID> {

    public Uni<List<CtaCauseEntity>> chainOf(UUID tenantId, UUID ctaId) {
        return list("tenantId = ?1 and ctaId = ?2 order by seq", tenantId, ctaId);
    }

    public Uni<Set<String>> causeKeysOf(UUID tenantId, UUID ctaId) {
        return find("select causeKey from CtaCauseEntity where tenantId = ?1 and ctaId = ?2", tenantId, ctaId)
                .project(String.class).list()
                .map(keys -> keys.stream().collect(Collectors.toSet()));
    }

    /** Keeps the first cause and the newest 49 once cause {@code newestSeq} is in. */
    public Uni<Long> trim(UUID tenantId, UUID ctaId, int newestSeq) {
        int dropUpTo = CauseChain.dropUpTo(newestSeq);
        return dropUpTo < 2 ? Uni.createFrom().item(0L)
                : delete("tenantId = ?1 and ctaId = ?2 and seq between 2 and ?3", tenantId, ctaId, dropUpTo);
    }
}
