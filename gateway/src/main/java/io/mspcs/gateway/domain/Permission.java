package io.mspcs.gateway.domain;

import java.util.Optional;
import java.util.Set;

/**
 * The rows of the permission table of gateway.md §2.1: which user roles and which API-key scope may do an action.
 * Roles add up, so one matching role is enough; a key has no role and passes only with the scope.
 */
public enum Permission {
    /** {@code /me}: anyone authenticated */
    ANY_CALLER(Set.of("ADMIN", "CS_LEADER", "CSM", "VCIO", "TAM", "AM", "VIEWER"), "*"),
    READ_CLIENTS(ReadRoles.ALL, "clients:read"),
    READ_HEALTH(ReadRoles.ALL, "health:read"),
    READ_CTAS(ReadRoles.ALL, "ctas:read"),
    READ_ROADMAP(ReadRoles.ALL, "roadmap:read"),
    READ_EVENTS(ReadRoles.ALL, "events:read"),
    WRITE_CLIENTS(Set.of("ADMIN", "CS_LEADER", "AM"), "clients:write"),
    INGEST_SIGNALS(Set.of("ADMIN"), "signals:write"),
    /** overrides, owners, team, capacity, policies, sweeps, gate overrides */
    LEAD(Set.of("CS_LEADER"), null),
    RECOMPUTE_HEALTH(Set.of("ADMIN", "CS_LEADER"), null),
    WORK_CTAS(Set.of("CS_LEADER", "CSM", "VCIO", "TAM", "AM"), "ctas:write"),
    WRITE_MEETINGS(Set.of("CS_LEADER", "CSM", "VCIO", "TAM", "AM"), "meetings:write"),
    RECORD_OBSERVATIONS(Set.of("CS_LEADER", "CSM", "VCIO", "TAM", "AM"), null),
    MANUAL_DMI_COVERAGE(Set.of("CS_LEADER", "CSM", "VCIO", "TAM"), null),
    WRITE_ROADMAP(Set.of("CS_LEADER", "CSM", "VCIO", "TAM"), "roadmap:write"),
    WORK_PROPOSALS(Set.of("CS_LEADER", "VCIO", "AM"), "roadmap:write"),
    MANAGE_WEBHOOKS(Set.of("ADMIN"), "webhooks:manage"),
    /** API keys, users and roles, integration connections */
    ADMINISTER(Set.of("ADMIN"), null);

    private final Set<String> roles;
    private final String scope;

    Permission(Set<String> roles, String scope) {
        this.roles = roles;
        this.scope = scope;
    }

    /** The key scope admitting this action; {@code *} = any key; empty = no key at all. */
    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    public Set<String> roles() {
        return roles;
    }

    public Access decide(Principal principal) {
        if (principal.isIntegration()) {
            if (scope == null) {
                return Access.FORBIDDEN;
            }
            return scope.equals("*") || principal.scopes().contains(scope) ? Access.ALLOWED : Access.INSUFFICIENT_SCOPE;
        }
        return principal.roles().stream().anyMatch(roles::contains) ? Access.ALLOWED : Access.FORBIDDEN;
    }

    public enum Access {
        ALLOWED,
        /** 403 {@code forbidden}: no role (or no kind of key) may do this */
        FORBIDDEN,
        /** 403 {@code insufficient-scope}: a key could, but not this key */
        INSUFFICIENT_SCOPE
    }

    private static final class ReadRoles {
        static final Set<String> ALL = Set.of("ADMIN", "CS_LEADER", "CSM", "VCIO", "TAM", "AM", "VIEWER");
    }
}
