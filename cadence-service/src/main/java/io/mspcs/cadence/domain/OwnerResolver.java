package io.mspcs.cadence.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an owner role into a person (cadence.md §5.6 step 2): the role's owner, else its backup, else the owner
 * of the first fallback role that has one, else nobody (UNASSIGNED: listed in the unassigned queue).
 * CS_LEADER goes to the policy's {@code escalation.csLeaderMemberId} when one is set.
 */
public final class OwnerResolver {

    private static final Map<Role, List<Role>> FALLBACKS = Map.of(
            Role.VCIO, List.of(Role.CSM),
            Role.TAM, List.of(Role.CSM),
            Role.AM, List.of(Role.CSM),
            Role.SDM, List.of(Role.TAM),
            Role.CSM, List.of(Role.AM, Role.TAM),
            Role.CS_LEADER, List.of());

    private OwnerResolver() {
    }

    public static ResolvedOwner resolve(Role role, Owners owners, UUID csLeaderMemberId) {
        if (role == Role.CS_LEADER) {
            return csLeaderMemberId == null
                    ? unassigned(role)
                    : new ResolvedOwner(role, csLeaderMemberId, null, OwnerResolution.OWNER);
        }
        Optional<Owners.Assignment> own = owners.of(role);
        UUID backup = own.map(Owners.Assignment::backupMemberId).orElse(null);
        if (own.isPresent() && own.get().memberId() != null) {
            return new ResolvedOwner(role, own.get().memberId(), backup, OwnerResolution.OWNER);
        }
        if (backup != null) {
            return new ResolvedOwner(role, backup, null, OwnerResolution.BACKUP);
        }
        for (Role fallback : FALLBACKS.get(role)) {
            Optional<UUID> member = owners.of(fallback).map(Owners.Assignment::memberId);
            if (member.isPresent()) {
                return new ResolvedOwner(role, member.get(), null, OwnerResolution.FALLBACK_ROLE);
            }
        }
        return unassigned(role);
    }

    public static ResolvedOwner resolve(Role role, Owners owners) {
        return resolve(role, owners, null);
    }

    private static ResolvedOwner unassigned(Role role) {
        return new ResolvedOwner(role, null, null, OwnerResolution.UNASSIGNED);
    }
}
