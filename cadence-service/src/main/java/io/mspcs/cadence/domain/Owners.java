package io.mspcs.cadence.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A client's owner map, as the newest {@code OwnerAssigned} carried it (cadence.md §5.6 step 1). */
public record Owners(Map<Role, Assignment> byRole) {

    public static final Owners NONE = new Owners(Map.of());

    /** The owner of a role and its backup; either may be missing (unassigned). */
    public record Assignment(UUID memberId, UUID backupMemberId) {
    }

    public Owners {
        byRole = Map.copyOf(byRole);
    }

    public Optional<Assignment> of(Role role) {
        return Optional.ofNullable(byRole.get(role));
    }
}
