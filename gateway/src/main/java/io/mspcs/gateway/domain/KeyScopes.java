package io.mspcs.gateway.domain;

import java.util.Set;

/** The API-key scopes of gateway.md §1.1. */
public final class KeyScopes {

    public static final Set<String> ALL = Set.of("clients:read", "clients:write", "signals:write", "meetings:write",
            "health:read", "ctas:read", "ctas:write", "roadmap:read", "roadmap:write", "events:read", "webhooks:manage");

    private KeyScopes() {
    }
}
