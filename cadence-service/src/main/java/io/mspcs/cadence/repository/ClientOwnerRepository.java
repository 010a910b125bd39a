package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.Owners;
import io.mspcs.cadence.domain.Role;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ClientOwnerRepository implements PanacheRepositoryBase<ClientOwnerEntity, UUID> {

    public Uni<Owners> ownersOf(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2", tenantId, clientId).map(rows -> {
            Map<Role, Owners.Assignment> byRole = new EnumMap<>(Role.class);
            rows.forEach(row -> byRole.put(row.role, new Owners.Assignment(row.memberId, row.backupMemberId)));
            return new Owners(byRole);
        });
    }

    /** The owner map is replaced as a whole: each {@code OwnerAssigned} carries the full map. */
    public Uni<Void> replace(UUID tenantId, UUID clientId, Owners owners, Instant at) {
        List<ClientOwnerEntity> rows = owners.byRole().entrySet().stream()
                .map(e -> ClientOwnerEntity.of(tenantId, clientId, e.getKey(), e.getValue().memberId(),
                        e.getValue().backupMemberId(), at))
                .toList();
        // A bulk delete runs at once, before the inserts are flushed, so the unique (client, role) key holds.
        return delete("tenantId = ?1 and clientId = ?2", tenantId, clientId).chain(() -> persist(rows));
    }
}
