package io.mspcs.cadence.domain;

import java.util.UUID;

/** The owner a CTA gets: its role stays the rule's role, the member may come from a backup or fallback role. */
public record ResolvedOwner(Role role, UUID memberId, UUID backupMemberId, OwnerResolution resolution) {
}
