package io.mspcs.gateway.service;

import io.mspcs.gateway.repository.UserRepository;
import io.mspcs.gateway.repository.UserRepository.StoredUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant admin's users and their roles (gateway.md §10); identities come from the IdP as (issuer, subject). */
@ApplicationScoped
public class UserAdministration {

    public static final Set<String> ROLES = Set.of("ADMIN", "CS_LEADER", "CSM", "VCIO", "TAM", "AM", "VIEWER");

    private final UserRepository users;
    private final Clock clock;

    public UserAdministration(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Null when the identity already belongs to another tenant. */
    public Uni<StoredUser> provision(UUID tenantId, String issuer, String subject, String email, Set<String> roles) {
        return users.upsert(tenantId, issuer, subject, email, roles, clock.instant());
    }

    public Uni<List<StoredUser>> list(UUID tenantId) {
        return users.list(tenantId);
    }

    public Uni<StoredUser> get(UUID tenantId, UUID id) {
        return users.find(tenantId, id);
    }

    public Uni<StoredUser> update(UUID tenantId, UUID id, Set<String> roles, Boolean active) {
        return users.update(tenantId, id, roles, active, clock.instant());
    }

    public Uni<Boolean> delete(UUID tenantId, UUID id) {
        return users.delete(tenantId, id);
    }
}
