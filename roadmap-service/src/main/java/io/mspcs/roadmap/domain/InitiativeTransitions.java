package io.mspcs.roadmap.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mspcs.roadmap.domain.InitiativeState.APPROVED;
import static io.mspcs.roadmap.domain.InitiativeState.CLOSED;
import static io.mspcs.roadmap.domain.InitiativeState.COMPLETED;
import static io.mspcs.roadmap.domain.InitiativeState.DEFERRED;
import static io.mspcs.roadmap.domain.InitiativeState.DRAFT;
import static io.mspcs.roadmap.domain.InitiativeState.INTERNAL_REVIEW;
import static io.mspcs.roadmap.domain.InitiativeState.IN_PROGRESS;
import static io.mspcs.roadmap.domain.InitiativeState.PROPOSED;
import static io.mspcs.roadmap.domain.InitiativeState.REJECTED;

/**
 * The initiative state machine (roadmap.md §4): which edges exist and which user roles may take each one. ADMIN
 * may take every edge a user may take. System moves (events, proposal actions) do not go through the role check.
 */
public final class InitiativeTransitions {

    public static final String ADMIN = "ADMIN";
    public static final String CS_LEADER = "CS_LEADER";
    public static final String CSM = "CSM";
    public static final String VCIO = "VCIO";
    public static final String TAM = "TAM";
    /** The integration-key scope of gateway.md §2.1 for initiatives. */
    public static final String ROADMAP_WRITE = "roadmap:write";

    private static final Set<String> WRITERS = Set.of(CSM, VCIO, TAM, CS_LEADER);
    private static final Set<String> LEADS = Set.of(VCIO, CS_LEADER);

    private static final Map<InitiativeState, List<InitiativeState>> NEXT = new EnumMap<>(Map.of(
            DRAFT, List.of(INTERNAL_REVIEW, CLOSED),
            INTERNAL_REVIEW, List.of(DRAFT, PROPOSED, CLOSED),
            PROPOSED, List.of(APPROVED, DEFERRED, REJECTED, INTERNAL_REVIEW),
            DEFERRED, List.of(INTERNAL_REVIEW, PROPOSED, CLOSED),
            REJECTED, List.of(DRAFT, CLOSED),
            APPROVED, List.of(IN_PROGRESS, CLOSED),
            IN_PROGRESS, List.of(COMPLETED, CLOSED),
            COMPLETED, List.of(CLOSED),
            CLOSED, List.of()));

    private InitiativeTransitions() {
    }

    public static List<InitiativeState> allowedNext(InitiativeState from) {
        return NEXT.get(from);
    }

    public static boolean exists(InitiativeState from, InitiativeState to) {
        return NEXT.get(from).contains(to);
    }

    /** Whether one of the caller's roles may take the edge; {@code exists} is checked first by the caller. */
    public static boolean permitted(InitiativeState from, InitiativeState to, Set<String> roles, boolean remediation) {
        if (roles.contains(ADMIN)) {
            return true;
        }
        Set<String> allowed = allowedRoles(from, to, remediation);
        // gateway.md §2.1 grants roadmap:write what the writers may do; an edge §4 keeps for named roles
        // (reviews, proposing, rejecting, cancelling) needs a person holding that role, and so does recording a
        // client's approval (a key records one only by accepting a proposal with ESIGN, §6.1).
        if (roles.contains(ROADMAP_WRITE) && allowed.equals(WRITERS) && to != APPROVED) {
            return true;
        }
        return roles.stream().anyMatch(allowed::contains);
    }

    static Set<String> allowedRoles(InitiativeState from, InitiativeState to, boolean remediation) {
        if (to == CLOSED) {
            return switch (from) {
                case APPROVED, IN_PROGRESS -> Set.of(CS_LEADER);
                case COMPLETED -> Set.of(CSM, VCIO, CS_LEADER);
                default -> WRITERS;
            };
        }
        return switch (to) {
            case INTERNAL_REVIEW -> from == PROPOSED ? LEADS : WRITERS;
            case DRAFT -> LEADS;
            case PROPOSED -> remediation ? Set.of(VCIO, CS_LEADER, TAM) : LEADS;
            case APPROVED -> remediation ? WRITERS : LEADS;
            case DEFERRED -> Set.of(VCIO, CSM, CS_LEADER);
            case REJECTED -> LEADS;
            case IN_PROGRESS, COMPLETED -> WRITERS;
            default -> Set.of();
        };
    }
}
