package io.mspcs.rest;

import jakarta.enterprise.context.RequestScoped;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the gateway established it (gateway.md §2.2): the tenant that scopes every query, the
 * principal and roles, and the correlation id that every event of the request carries.
 */
@RequestScoped
public class CallerContext {

    private UUID tenantId;
    private String principalId;
    private Set<String> roles = Set.of();
    private String correlationId;

    void set(UUID tenantId, String principalId, Set<String> roles, String correlationId) {
        this.tenantId = tenantId;
        this.principalId = principalId;
        this.roles = roles;
        this.correlationId = correlationId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String principalId() {
        return principalId;
    }

    public Set<String> roles() {
        return roles;
    }

    public String correlationId() {
        return correlationId;
    }
}
