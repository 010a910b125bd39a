package io.mspcs.gateway.service;

import io.mspcs.gateway.domain.Principal;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use tickets for {@code EventSource}, which cannot send headers (gateway.md §5): bound to the principal
 * that asked, valid 60 s, removed on first use. Kept in this instance's memory.
 */
@ApplicationScoped
public class StreamTickets {

    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private final Map<String, Issued> tickets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public StreamTickets(Clock clock) {
        this.clock = clock;
    }

    private record Issued(Principal principal, Instant expiresAt) {
    }

    public String issue(Principal principal) {
        Instant now = clock.instant();
        tickets.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = "cst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, new Issued(principal, now.plus(LIFETIME)));
        return ticket;
    }

    /** The principal of a fresh, unused ticket; the ticket is spent either way. */
    public Optional<Principal> redeem(String ticket) {
        Issued issued = ticket == null ? null : tickets.remove(ticket);
        if (issued == null || !issued.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(issued.principal());
    }
}
