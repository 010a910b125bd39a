package io.mspcs.cadence.domain;

import java.util.Optional;

/** Team roles a CTA can be owned by (events.md §3). */
public enum Role {
    CSM, VCIO, TAM, AM, SDM, CS_LEADER;

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
