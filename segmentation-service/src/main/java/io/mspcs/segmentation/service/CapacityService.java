package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.segmentation.domain.CapacityBook;
import io.mspcs.segmentation.domain.Segment;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.domain.TeamRole;
import io.mspcs.segmentation.messaging.CapacityEvents;
import io.mspcs.segmentation.repository.CapacityBreachEntity;
import io.mspcs.segmentation.repository.CapacityBreachRepository;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.OwnerAssignmentEntity;
import io.mspcs.segmentation.repository.OwnerAssignmentRepository;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentEntity;
import io.mspcs.segmentation.repository.SegmentAssignmentRepository;
import io.mspcs.segmentation.repository.TeamMemberEntity;
import io.mspcs.segmentation.repository.TeamMemberRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Books, load and breaches per member and role (segmentation.md §4). Breach state is kept per (member, role, kind)
 * so `CapacityBreached` / `CapacityRestored` are emitted on the edges only.
 */
@ApplicationScoped
public class CapacityService {

    private final TeamMemberRepository members;
    private final OwnerAssignmentRepository owners;
    private final ClientRepository clients;
    private final SegmentAssignmentRepository assignments;
    private final CapacityBreachRepository breaches;
    private final PolicyRepository policies;
    private final OutboxWriter outbox;

    public CapacityService(TeamMemberRepository members, OwnerAssignmentRepository owners, ClientRepository clients,
                           SegmentAssignmentRepository assignments, CapacityBreachRepository breaches,
                           PolicyRepository policies, OutboxWriter outbox) {
        this.members = members;
        this.owners = owners;
        this.clients = clients;
        this.assignments = assignments;
        this.breaches = breaches;
        this.policies = policies;
        this.outbox = outbox;
    }

    /** Every active member's book in every role they hold, with the policy used. */
    public record Books(SegmentationPolicy policy, List<CapacityBook> books, Map<UUID, TeamMemberEntity> members) {
        public List<CapacityBook> ofRole(TeamRole role) {
            return books.stream().filter(b -> b.role() == role).toList();
        }
    }

    public Uni<Books> books(UUID tenantId) {
        return policies.active(tenantId).chain(policy -> members.allInTenant(tenantId)
                .chain(memberRows -> owners.allInTenant(tenantId)
                        .chain(ownerRows -> clients.active(tenantId)
                                .chain(activeClients -> assignments.allInTenant(tenantId).map(rows -> {
                                    Map<UUID, ClientEntity> clientById = activeClients.stream()
                                            .collect(Collectors.toMap(c -> c.id, c -> c));
                                    Map<UUID, SegmentAssignmentEntity> rowById = rows.stream()
                                            .collect(Collectors.toMap(r -> r.clientId, r -> r));
                                    List<CapacityBook> books = new ArrayList<>();
                                    Map<UUID, TeamMemberEntity> byId = new HashMap<>();
                                    for (TeamMemberEntity member : memberRows) {
                                        byId.put(member.id, member);
                                        for (TeamMemberEntity.RoleAllocation role : member.roleList()) {
                                            books.add(book(member, role, ownerRows, clientById, rowById));
                                        }
                                    }
                                    return new Books(policy, books, byId);
                                })))));
    }

    private static CapacityBook book(TeamMemberEntity member, TeamMemberEntity.RoleAllocation role,
                                     List<OwnerAssignmentEntity> ownerRows, Map<UUID, ClientEntity> clientById,
                                     Map<UUID, SegmentAssignmentEntity> rowById) {
        List<CapacityBook.BookClient> bookClients = ownerRows.stream()
                .filter(o -> o.memberId.equals(member.id) && o.role.equals(role.role()) && clientById.containsKey(o.clientId))
                .map(o -> {
                    ClientEntity client = clientById.get(o.clientId);
                    SegmentAssignmentEntity row = rowById.get(o.clientId);
                    Segment segment = row == null ? Segment.C : Segment.valueOf(row.segment);
                    return new CapacityBook.BookClient(client.id, segment, row == null ? null : row.healthColor,
                            client.mrrAmount, o.assignedAt,
                            row == null ? null : row.assignment().investment().monthlyHours());
                }).toList();
        return new CapacityBook(member.id, TeamRole.valueOf(role.role()), role.allocation(),
                CapacityBook.CapacityUnit.valueOf(member.capacityUnit), member.hoursPerMonth, bookClients);
    }

    /** Re-evaluates breaches of the tenant and emits events for those that opened or cleared. */
    public Uni<Void> reconcile(UUID tenantId, EventContext context, Instant now) {
        return books(tenantId).chain(all -> breaches.allInTenant(tenantId).chain(open -> {
            Map<String, CapacityBreachEntity> openByKey = open.stream()
                    .collect(Collectors.toMap(b -> key(b.memberId, b.role, b.kind), b -> b));
            Set<String> nowBreached = new java.util.HashSet<>();
            List<Uni<Void>> work = new ArrayList<>();
            for (CapacityBook book : all.books()) {
                TeamMemberEntity member = all.members().get(book.memberId());
                if (!member.active()) {
                    continue;
                }
                for (CapacityBook.BreachKind kind : book.breaches(all.policy().capacity())) {
                    String key = key(book.memberId(), book.role().name(), kind.name());
                    nowBreached.add(key);
                    if (!openByKey.containsKey(key)) {
                        CapacityBreachEntity breach = new CapacityBreachEntity();
                        breach.id = UUID.randomUUID();
                        breach.tenantId = tenantId;
                        breach.memberId = book.memberId();
                        breach.role = book.role().name();
                        breach.kind = kind.name();
                        breach.detectedAt = now;
                        breach.createdAt = now;
                        breach.updatedAt = now;
                        List<CapacityBook.Suggestion> suggestion = book.suggest(kind, activeBooks(all, book.role()),
                                all.policy().capacity());
                        work.add(breaches.persist(breach).chain(() -> outbox.append(
                                CapacityEvents.breached(book, kind, all.policy().capacity(), suggestion, now), context))
                                .replaceWithVoid());
                    }
                }
            }
            for (CapacityBreachEntity breach : open) {
                if (!nowBreached.contains(key(breach.memberId, breach.role, breach.kind))) {
                    CapacityBook book = all.books().stream().filter(b -> b.memberId().equals(breach.memberId)
                            && b.role().name().equals(breach.role)).findFirst().orElse(null);
                    work.add(breaches.delete(breach).chain(() -> outbox.append(CapacityEvents.restored(breach.memberId,
                            breach.role, breach.kind, book, all.policy().capacity(), now), context)).replaceWithVoid());
                }
            }
            return Multi.createFrom().iterable(work).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                    .replaceWithVoid();
        }));
    }

    public static List<CapacityBook> activeBooks(Books all, TeamRole role) {
        return all.ofRole(role).stream().filter(b -> all.members().get(b.memberId()).active()).toList();
    }

    private static String key(UUID memberId, String role, String kind) {
        return memberId + "/" + role + "/" + kind;
    }
}
