package io.mspcs.segmentation.service;

import io.mspcs.segmentation.domain.ClientStatus;
import io.mspcs.segmentation.domain.SegmentAssignment;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.domain.TeamRole;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.OwnerAssignmentEntity;
import io.mspcs.segmentation.repository.OwnerAssignmentRepository;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentEntity;
import io.mspcs.segmentation.repository.SegmentAssignmentRepository;
import io.mspcs.segmentation.repository.SegmentHistoryEntity;
import io.mspcs.segmentation.repository.SegmentHistoryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads of the registry and segments; lists filter a tenant's clients in memory (books of a few thousand). */
@ApplicationScoped
public class ClientQueryService {

    private final ClientRepository clients;
    private final SegmentAssignmentRepository assignments;
    private final OwnerAssignmentRepository owners;
    private final SegmentHistoryRepository history;
    private final PolicyRepository policies;

    public ClientQueryService(ClientRepository clients, SegmentAssignmentRepository assignments,
                              OwnerAssignmentRepository owners, SegmentHistoryRepository history,
                              PolicyRepository policies) {
        this.clients = clients;
        this.assignments = assignments;
        this.owners = owners;
        this.history = history;
        this.policies = policies;
    }

    /** A client with its segment record, kept inputs and owners. */
    public record ClientDetails(ClientEntity client, SegmentAssignmentEntity segment, List<OwnerAssignmentEntity> owners) {
    }

    public record Filter(Set<String> segments, String mrrBand, UUID ownerId, String ownerRole, String status,
                         Boolean provisional, String source, String externalId, String missingRole, String q) {
    }

    @WithTransaction
    public Uni<ClientDetails> get(UUID tenantId, UUID clientId) {
        return clients.findInTenant(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ClientRegistryService.clientNotFound(clientId))
                .chain(client -> assignments.findInTenant(tenantId, clientId)
                        .chain(row -> owners.ofClient(tenantId, clientId)
                                .map(list -> new ClientDetails(client, row, list))));
    }

    @WithTransaction
    public Uni<Map.Entry<ClientDetails, SegmentationPolicy>> getWithPolicy(UUID tenantId, UUID clientId) {
        return get(tenantId, clientId).chain(details -> policies.active(tenantId).map(p -> Map.entry(details, p)));
    }

    @WithTransaction
    public Uni<List<ClientDetails>> list(UUID tenantId, Filter filter, UUID after, int limit) {
        return clients.list("tenantId = ?1 order by id", tenantId).chain(all -> assignments.allInTenant(tenantId)
                .chain(rows -> owners.allInTenant(tenantId).chain(ownerRows -> policies.active(tenantId).map(policy -> {
                    Map<UUID, SegmentAssignmentEntity> byClient = rows.stream().collect(Collectors.toMap(r -> r.clientId, r -> r));
                    Map<UUID, List<OwnerAssignmentEntity>> ownersByClient = new HashMap<>();
                    ownerRows.forEach(o -> ownersByClient.computeIfAbsent(o.clientId, k -> new java.util.ArrayList<>()).add(o));
                    return all.stream()
                            .filter(c -> after == null || c.id.compareTo(after) > 0)
                            .map(c -> new ClientDetails(c, byClient.get(c.id), ownersByClient.getOrDefault(c.id, List.of())))
                            .filter(d -> matches(d, filter, policy))
                            .sorted(Comparator.comparing(d -> d.client().id))
                            .limit(limit)
                            .toList();
                }))));
    }

    private static boolean matches(ClientDetails d, Filter f, SegmentationPolicy policy) {
        ClientEntity c = d.client();
        SegmentAssignmentEntity s = d.segment();
        String status = f.status() == null ? ClientStatus.ACTIVE.name() : f.status();
        if (!"ALL".equals(status) && !c.status.name().equals(status)) {
            return false;
        }
        if (!f.segments().isEmpty() && (s == null || !f.segments().contains(s.segment))) {
            return false;
        }
        if (f.mrrBand() != null && (s == null || !f.mrrBand().equals(s.mrrBand))) {
            return false;
        }
        if (f.provisional() != null && (s == null || s.provisional != f.provisional())) {
            return false;
        }
        if (f.source() != null && !f.source().equals(c.source)) {
            return false;
        }
        if (f.externalId() != null && !f.externalId().equals(c.externalId)) {
            return false;
        }
        if (f.ownerId() != null && d.owners().stream().noneMatch(o -> o.memberId.equals(f.ownerId())
                && (f.ownerRole() == null || f.ownerRole().equals(o.role)))) {
            return false;
        }
        if (f.missingRole() != null) {
            List<TeamRole> required = s == null ? List.of()
                    : policy.requiredRoles().getOrDefault(io.mspcs.segmentation.domain.Segment.valueOf(s.segment), List.of());
            boolean wanted = required.stream().anyMatch(r -> r.name().equals(f.missingRole()));
            boolean present = d.owners().stream().anyMatch(o -> o.role.equals(f.missingRole()));
            if (!wanted || present) {
                return false;
            }
        }
        return f.q() == null || c.name.toLowerCase(Locale.ROOT).contains(f.q().toLowerCase(Locale.ROOT))
                || c.externalId.equalsIgnoreCase(f.q());
    }

    @WithTransaction
    public Uni<List<SegmentHistoryEntity>> history(UUID tenantId, UUID clientId, Integer beforeSeq, int limit) {
        return clients.findInTenant(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ClientRegistryService.clientNotFound(clientId))
                .chain(() -> history.page(tenantId, clientId, beforeSeq, limit));
    }

    /** The segment record, or null for a client registered before segments existed. */
    public static SegmentAssignment assignment(ClientDetails details) {
        return details.segment() == null ? null : details.segment().assignment();
    }
}
