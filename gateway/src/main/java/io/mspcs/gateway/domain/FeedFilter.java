package io.mspcs.gateway.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which events a live-feed connection gets (gateway.md §5): its tenant always, then optionally some clients (the
 * event subject) and types, each exact or {@code domain.*}. The gateway's own records (a webhook subscription or
 * integration connection disabled, …) are for tenant admins only.
 */
public record FeedFilter(UUID tenantId, Set<String> clientIds, List<String> types, boolean admin) {

    public static final int MAX_CLIENT_IDS = 50;
    static final String GATEWAY_RECORDS = "gateway.";

    public FeedFilter(UUID tenantId, Set<String> clientIds, List<String> types) {
        this(tenantId, clientIds, types, false);
    }

    public boolean matches(FeedEntry event) {
        return tenantId.equals(event.tenantId())
                && (admin || !event.type().startsWith(GATEWAY_RECORDS))
                && (clientIds.isEmpty() || clientIds.contains(event.subject()))
                && (types.isEmpty() || types.stream().anyMatch(type -> typeMatches(type, event.type())));
    }

    static boolean typeMatches(String pattern, String type) {
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }
}
