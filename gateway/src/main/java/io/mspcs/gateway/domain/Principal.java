package io.mspcs.gateway.domain;

import java.util.Set;
import java.util.UUID;

/** The authenticated caller: the tenant comes from the credential, never from the request. */
public record Principal(UUID tenantId, String principalId, String type, Set<String> scopes, Set<String> roles,
                        Set<String> allowedSources) {

    public static final String INTEGRATION = "INTEGRATION";
    public static final String USER = "USER";

    public static Principal integration(UUID tenantId, UUID keyId, Set<String> scopes, Set<String> allowedSources) {
        return new Principal(tenantId, keyId.toString(), INTEGRATION, Set.copyOf(scopes), Set.of(INTEGRATION),
                Set.copyOf(allowedSources));
    }

    public static Principal user(UUID tenantId, UUID userId, Set<String> roles) {
        return new Principal(tenantId, userId.toString(), USER, Set.of(), Set.copyOf(roles), Set.of());
    }

    public boolean isIntegration() {
        return INTEGRATION.equals(type);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
