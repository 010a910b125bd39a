package io.mspcs.gateway.domain;

import java.util.Set;
import java.util.UUID;

/** The authenticated caller: the tenant comes from the credential, never from the request. */
public record Principal(UUID tenantId, String principalId, String type, Set<String> scopes, Set<String> roles) {

    public static Principal integration(UUID tenantId, UUID keyId, Set<String> scopes) {
        return new Principal(tenantId, keyId.toString(), "INTEGRATION", Set.copyOf(scopes), Set.of("INTEGRATION"));
    }
}
