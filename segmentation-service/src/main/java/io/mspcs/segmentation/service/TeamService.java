package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.ClientStatus;
import io.mspcs.segmentation.domain.Segment;
import io.mspcs.segmentation.domain.TeamRole;
import io.mspcs.segmentation.messaging.OwnerEvents;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.JsonColumns;
import io.mspcs.segmentation.repository.OwnerAssignmentEntity;
import io.mspcs.segmentation.repository.OwnerAssignmentRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentRepository;
import io.mspcs.segmentation.repository.TeamMemberEntity;
import io.mspcs.segmentation.repository.TeamMemberRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Team members and owner assignments (segmentation.md §2.5, §4.3). */
@ApplicationScoped
public class TeamService {

    private static final BigDecimal MIN_ALLOCATION = new BigDecimal("0.05");

    private final TeamMemberRepository members;
    private final OwnerAssignmentRepository owners;
    private final ClientRepository clients;
    private final SegmentAssignmentRepository assignments;
    private final CapacityService capacity;
    private final OutboxWriter outbox;
    private final Clock clock;

    public TeamService(TeamMemberRepository members, OwnerAssignmentRepository owners, ClientRepository clients,
                       SegmentAssignmentRepository assignments, CapacityService capacity, OutboxWriter outbox, Clock clock) {
        this.members = members;
        this.owners = owners;
        this.clients = clients;
        this.assignments = assignments;
        this.capacity = capacity;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A member as requested; null fields of a PATCH leave the stored value. */
    public record MemberInput(String name, String email, String source, String externalId,
                              List<TeamMemberEntity.RoleAllocation> roles, String capacityUnit, BigDecimal hoursPerMonth,
                              String status) {
    }

    /** The owner map of a client and warnings about it. */
    public record OwnerMap(Map<TeamRole, OwnerEvents.Owner> owners, List<String> warnings) {
    }

    @WithTransaction
    public Uni<TeamMemberEntity> create(UUID tenantId, MemberInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            errors.add(new Problem.FieldError("name", input.name() == null ? "required" : "blank"));
        }
        if (input.email() == null || !input.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.add(new Problem.FieldError("email", input.email() == null ? "required" : "email"));
        }
        validateRolesAndCapacity(input.roles(), input.capacityUnit(), input.hoursPerMonth(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The team member is invalid", errors);
        }
        String email = input.email().strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return members.findByEmail(tenantId, email).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ProblemException(409, "member-exists", "Member exists",
                        "A team member with this e-mail exists", List.of()));
            }
            TeamMemberEntity member = new TeamMemberEntity();
            member.id = UUID.randomUUID();
            member.tenantId = tenantId;
            member.name = input.name().strip();
            member.email = email;
            member.source = input.source();
            member.externalId = input.externalId();
            member.roles = JsonColumns.write(input.roles());
            member.capacityUnit = input.capacityUnit() == null ? "ACCOUNTS" : input.capacityUnit();
            member.hoursPerMonth = input.hoursPerMonth();
            member.status = "ACTIVE";
            member.createdAt = now;
            member.updatedAt = now;
            return members.persist(member);
        });
    }

    @WithTransaction
    public Uni<TeamMemberEntity> patch(UUID tenantId, UUID memberId, MemberInput input, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return member(tenantId, memberId).chain(member -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            List<TeamMemberEntity.RoleAllocation> roles = input.roles() != null ? input.roles() : member.roleList();
            String unit = input.capacityUnit() != null ? input.capacityUnit() : member.capacityUnit;
            BigDecimal hours = input.hoursPerMonth() != null ? input.hoursPerMonth() : member.hoursPerMonth;
            validateRolesAndCapacity(roles, unit, hours, errors);
            if (input.status() != null && !List.of("ACTIVE", "INACTIVE").contains(input.status())) {
                errors.add(new Problem.FieldError("status", "enum"));
            }
            if (input.name() != null && input.name().isBlank()) {
                errors.add(new Problem.FieldError("name", "blank"));
            }
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid("The team member patch is invalid", errors));
            }
            Uni<Void> statusCheck = "INACTIVE".equals(input.status()) && member.active()
                    ? owners.countForMember(tenantId, memberId).chain(count -> count > 0
                    ? Uni.createFrom().failure(new ProblemException(409, "member-has-assignments",
                    "Member has assignments", "Unassign the member's clients first", List.of()))
                    : Uni.createFrom().voidItem())
                    : Uni.createFrom().voidItem();
            return statusCheck.chain(() -> {
                if (input.name() != null) {
                    member.name = input.name().strip();
                }
                member.roles = JsonColumns.write(roles);
                member.capacityUnit = unit;
                member.hoursPerMonth = hours;
                if (input.status() != null) {
                    member.status = input.status();
                }
                member.updatedAt = now;
                return capacity.reconcile(tenantId, context, now).replaceWith(member);
            });
        });
    }

    private static void validateRolesAndCapacity(List<TeamMemberEntity.RoleAllocation> roles, String unit,
                                                 BigDecimal hours, List<Problem.FieldError> errors) {
        if (roles == null || roles.isEmpty()) {
            errors.add(new Problem.FieldError("roles", "required"));
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < roles.size(); i++) {
                TeamMemberEntity.RoleAllocation role = roles.get(i);
                if (role.role() == null || !isRole(role.role())) {
                    errors.add(new Problem.FieldError("roles[" + i + "].role", "enum"));
                } else if (!seen.add(role.role())) {
                    errors.add(new Problem.FieldError("roles[" + i + "].role", "duplicate"));
                }
                if (role.allocation() == null || role.allocation().compareTo(MIN_ALLOCATION) < 0
                        || role.allocation().compareTo(BigDecimal.ONE) > 0) {
                    errors.add(new Problem.FieldError("roles[" + i + "].allocation", "range"));
                } else {
                    sum = sum.add(role.allocation());
                }
            }
            if (sum.compareTo(BigDecimal.ONE) > 0) {
                errors.add(new Problem.FieldError("roles", "sum"));
            }
        }
        if (unit != null && !List.of("ACCOUNTS", "HOURS").contains(unit)) {
            errors.add(new Problem.FieldError("capacity.unit", "enum"));
        } else if ("HOURS".equals(unit) && (hours == null || hours.signum() <= 0)) {
            errors.add(new Problem.FieldError("capacity.hoursPerMonth", "range"));
        }
    }

    private static boolean isRole(String role) {
        try {
            TeamRole.valueOf(role);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @WithTransaction
    public Uni<TeamMemberEntity> get(UUID tenantId, UUID memberId) {
        return member(tenantId, memberId);
    }

    @WithTransaction
    public Uni<List<TeamMemberEntity>> list(UUID tenantId, String role, String status) {
        return members.allInTenant(tenantId).map(all -> all.stream()
                .filter(m -> status == null || status.equals(m.status))
                .filter(m -> role == null || m.allocation(role) != null)
                .toList());
    }

    private Uni<TeamMemberEntity> member(UUID tenantId, UUID memberId) {
        return members.findInTenant(tenantId, memberId).onItem().ifNull().failWith(() -> memberNotFound(memberId));
    }

    static ProblemException memberNotFound(UUID memberId) {
        return new ProblemException(404, "member-not-found", "Member not found",
                "Team member " + memberId + " does not exist", List.of());
    }

    @WithTransaction
    public Uni<OwnerMap> owners(UUID tenantId, UUID clientId) {
        return client(tenantId, clientId).chain(client -> ownerMap(tenantId, clientId));
    }

    private Uni<OwnerMap> ownerMap(UUID tenantId, UUID clientId) {
        return owners.ofClient(tenantId, clientId).chain(rows -> assignments.findInTenant(tenantId, clientId).map(row -> {
            Map<TeamRole, OwnerEvents.Owner> map = toMap(rows);
            List<String> warnings = new ArrayList<>();
            if (row != null && Segment.D.name().equals(row.segment) && map.get(TeamRole.VCIO) != null) {
                warnings.add("senior-role-on-low-segment");
            }
            return new OwnerMap(map, warnings);
        }));
    }

    private static Map<TeamRole, OwnerEvents.Owner> toMap(List<OwnerAssignmentEntity> rows) {
        Map<TeamRole, OwnerEvents.Owner> map = new EnumMap<>(TeamRole.class);
        rows.forEach(o -> map.put(TeamRole.valueOf(o.role), new OwnerEvents.Owner(o.memberId, o.backupMemberId)));
        return map;
    }

    @WithTransaction
    public Uni<OwnerMap> assign(UUID tenantId, UUID clientId, TeamRole role, UUID memberId, UUID backupMemberId,
                                String reason, String by, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return assignOne(tenantId, clientId, role, memberId, backupMemberId, reason, by, context, now)
                .call(changed -> changed ? capacity.reconcile(tenantId, context, now) : Uni.createFrom().voidItem())
                .chain(() -> ownerMap(tenantId, clientId));
    }

    /** One line of {@code POST /api/v1/assignments/bulk}, identities already resolved or not. */
    public record BulkAssignment(UUID clientId, String source, String externalId, String role, UUID memberId,
                                 String memberExternalId, UUID backupMemberId, String reason) {
    }

    /** The answer for one line: ASSIGNED, UNCHANGED or REJECTED with a problem. */
    public record BulkAssignmentResult(int index, String status, UUID clientId, Problem problem) {
    }

    /** Up to 5,000 assignments in one transaction; each line stands alone, capacity is re-checked once at the end. */
    @WithTransaction
    public Uni<List<BulkAssignmentResult>> assignAll(UUID tenantId, List<BulkAssignment> lines, String by,
                                                     EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return io.smallrye.mutiny.Multi.createFrom().range(0, lines.size())
                .onItem().transformToUniAndConcatenate(index -> assignLine(tenantId, index, lines.get(index), by, context, now))
                .collect().asList()
                .call(results -> results.stream().anyMatch(r -> r.status().equals("ASSIGNED"))
                        ? capacity.reconcile(tenantId, context, now) : Uni.createFrom().voidItem());
    }

    private Uni<BulkAssignmentResult> assignLine(UUID tenantId, int index, BulkAssignment line, String by,
                                                 EventContext context, Instant now) {
        if (line.role() == null || !isRole(line.role())) {
            return Uni.createFrom().item(rejected(index, line.clientId(),
                    ProblemException.invalid("items[" + index + "].role", "enum", "unknown role")));
        }
        Uni<UUID> client = line.clientId() != null ? Uni.createFrom().item(line.clientId())
                : line.source() != null && line.externalId() != null
                ? clients.findByExternalId(tenantId, line.source(), line.externalId()).map(c -> c == null ? null : c.id)
                : Uni.createFrom().nullItem();
        Uni<UUID> member = line.memberId() != null ? Uni.createFrom().item(line.memberId())
                : line.memberExternalId() != null
                ? members.findByExternalId(tenantId, line.memberExternalId()).map(m -> m == null ? null : m.id)
                : Uni.createFrom().nullItem();
        return client.chain(clientId -> member.chain(memberId -> {
            if (clientId == null) {
                return Uni.createFrom().item(rejected(index, null, ClientRegistryService.clientNotFound(line.clientId())));
            }
            if (memberId == null) {
                return Uni.createFrom().item(rejected(index, clientId, memberNotFound(line.memberId())));
            }
            return assignOne(tenantId, clientId, TeamRole.valueOf(line.role()), memberId, line.backupMemberId(),
                    line.reason(), by, context, now)
                    .map(changed -> new BulkAssignmentResult(index, changed ? "ASSIGNED" : "UNCHANGED", clientId, null))
                    .onFailure(ProblemException.class).recoverWithItem(e -> rejected(index, clientId, (ProblemException) e));
        }));
    }

    private static BulkAssignmentResult rejected(int index, UUID clientId, ProblemException problem) {
        return new BulkAssignmentResult(index, "REJECTED", clientId, new Problem("/problems/" + problem.slug(),
                problem.title(), problem.status(), problem.getMessage(), null, problem.errors(), null));
    }

    /** Assigns without re-checking capacity; true when the owner or backup changed (an event was emitted). */
    private Uni<Boolean> assignOne(UUID tenantId, UUID clientId, TeamRole role, UUID memberId, UUID backupMemberId,
                                   String reason, String by, EventContext context, Instant now) {
        if (memberId == null) {
            return Uni.createFrom().failure(ProblemException.invalid("memberId", "required", "memberId is required"));
        }
        if (memberId.equals(backupMemberId)) {
            return Uni.createFrom().failure(ProblemException.invalid("backupMemberId", "backup-same-as-owner",
                    "The backup must differ from the owner"));
        }
        return client(tenantId, clientId).chain(client -> {
            if (client.status == ClientStatus.CHURNED) {
                return Uni.createFrom().failure(new ProblemException(409, "client-churned", "Client churned",
                        "Owners cannot be assigned to a churned client", List.of()));
            }
            return eligible(tenantId, memberId, role, "memberId")
                    .chain(() -> backupMemberId == null ? Uni.createFrom().voidItem()
                            : eligible(tenantId, backupMemberId, role, "backupMemberId"))
                    .chain(() -> owners.ofClient(tenantId, clientId))
                    .chain(rows -> {
                        OwnerAssignmentEntity existing = rows.stream().filter(o -> o.role.equals(role.name()))
                                .findFirst().orElse(null);
                        if (existing != null && existing.memberId.equals(memberId)
                                && Objects.equals(existing.backupMemberId, backupMemberId)) {
                            return Uni.createFrom().item(false);
                        }
                        UUID previous = existing == null ? null : existing.memberId;
                        OwnerAssignmentEntity row = existing;
                        if (row == null) {
                            row = new OwnerAssignmentEntity();
                            row.id = UUID.randomUUID();
                            row.tenantId = tenantId;
                            row.clientId = clientId;
                            row.role = role.name();
                            row.createdAt = now;
                            rows = new ArrayList<>(rows);
                            rows.add(row);
                        }
                        if (!memberId.equals(row.memberId)) {
                            row.assignedAt = now;
                        }
                        row.memberId = memberId;
                        row.backupMemberId = backupMemberId;
                        row.assignedBy = by;
                        row.reason = reason;
                        row.updatedAt = now;
                        Map<TeamRole, OwnerEvents.Owner> map = toMap(rows);
                        OwnerAssignmentEntity stored = row;
                        return (existing == null ? owners.persist(row).replaceWithVoid() : Uni.createFrom().voidItem())
                                .chain(() -> outbox.append(OwnerEvents.assigned(clientId, role, memberId, previous,
                                        backupMemberId, reason, by, stored.assignedAt, map), context))
                                .replaceWith(true);
                    });
        });
    }

    @WithTransaction
    public Uni<Void> unassign(UUID tenantId, UUID clientId, TeamRole role, String by, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return client(tenantId, clientId).chain(client -> owners.ofClient(tenantId, clientId)).chain(rows -> {
            OwnerAssignmentEntity existing = rows.stream().filter(o -> o.role.equals(role.name())).findFirst().orElse(null);
            if (existing == null) {
                return Uni.createFrom().failure(new ProblemException(404, "owner-not-found", "No owner",
                        "Client " + clientId + " has no " + role + " owner", List.of()));
            }
            List<OwnerAssignmentEntity> remaining = rows.stream().filter(o -> o != existing).toList();
            return owners.delete(existing)
                    .chain(() -> outbox.append(OwnerEvents.assigned(clientId, role, null, existing.memberId, null,
                            null, by, now, toMap(remaining)), context))
                    .chain(() -> capacity.reconcile(tenantId, context, now));
        });
    }

    /** The member exists in the tenant, is active and holds the role. */
    private Uni<Void> eligible(UUID tenantId, UUID memberId, TeamRole role, String field) {
        return members.findInTenant(tenantId, memberId).chain(member -> {
            if (member == null) {
                return Uni.createFrom().failure(memberNotFound(memberId));
            }
            if (!member.active()) {
                return Uni.createFrom().failure(ProblemException.invalid(field, "member-inactive", "The member is inactive"));
            }
            if (member.allocation(role.name()) == null) {
                return Uni.createFrom().failure(ProblemException.invalid(field, "member-lacks-role",
                        "The member does not hold the role " + role));
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<ClientEntity> client(UUID tenantId, UUID clientId) {
        return clients.findInTenant(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ClientRegistryService.clientNotFound(clientId));
    }
}
