package io.mspcs.roadmap.service;

import java.util.Arrays;
import java.util.Set;

/** Who acts: the caller's principal and roles, or the system (an event or a proposal action). */
public record Actor(String principalId, Set<String> roles, boolean system) {

    public static final String ADMIN = "ADMIN";

    public static Actor ofSystem() {
        return new Actor(null, Set.of(), true);
    }

    public static Actor user(String principalId, Set<String> roles) {
        return new Actor(principalId, roles == null ? Set.of() : Set.copyOf(roles), false);
    }

    /** ADMIN may do what any role may. */
    public boolean hasAny(String... allowed) {
        return system || roles.contains(ADMIN) || Arrays.stream(allowed).anyMatch(roles::contains);
    }
}
