package io.mspcs.rest;

/**
 * The API-key scopes of gateway.md §1.1, as the gateway forwards them in {@code X-Scopes}. An integration key has no
 * user role, so a write endpoint open to integrations names the scope beside the roles in {@code @RolesAllowed}.
 */
public final class Scopes {

    public static final String CLIENTS_WRITE = "clients:write";
    public static final String SIGNALS_WRITE = "signals:write";
    public static final String MEETINGS_WRITE = "meetings:write";
    public static final String CTAS_WRITE = "ctas:write";
    public static final String ROADMAP_WRITE = "roadmap:write";

    private Scopes() {
    }
}
