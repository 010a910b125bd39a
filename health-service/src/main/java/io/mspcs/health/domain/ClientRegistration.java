package io.mspcs.health.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What health keeps of a registry client (health.md §2.3). */
public record ClientRegistration(UUID clientId, String source, String externalId, String name, ClientStatus status,
                                 Instant registeredAt) {

    public ClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
