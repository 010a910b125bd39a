package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.OwnerResolver;
import io.mspcs.cadence.repository.CadenceLineEntity;
import io.mspcs.cadence.repository.CadenceLineRepository;
import io.mspcs.cadence.repository.CadenceSlotEntity;
import io.mspcs.cadence.repository.CadenceSlotRepository;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The per-client cadence status (cadence.md §8.1 {@code GET /clients/{id}/cadence}). */
@ApplicationScoped
public class CadenceQueryService {

    public record SlotView(LocalDate anchorDate, LocalDate dueDate, LocalDate windowEnd, Instant missAt, String state,
                           UUID meetingId) {
    }

    public record MissView(LocalDate dueDate, String reason) {
    }

    public record LineView(String meetingType, String frequency, String ownerRole, UUID ownerMemberId,
                           boolean strategic, Instant lastHeldAt, SlotView slot, MissView lastMiss) {
    }

    public record ClientCadence(String segment, Integer policyVersion, int consecutiveMisses,
                                Instant lastStrategicHeldAt, List<LineView> lines) {
    }

    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final CadenceLineRepository lines;
    private final CadenceSlotRepository slots;
    private final PolicyService policies;
    private final Clock clock;

    public CadenceQueryService(ClientViewRepository clients, ClientOwnerRepository owners, CadenceLineRepository lines,
                               CadenceSlotRepository slots, PolicyService policies, Clock clock) {
        this.clients = clients;
        this.owners = owners;
        this.lines = lines;
        this.slots = slots;
        this.policies = policies;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ClientCadence> of(UUID tenantId, UUID clientId) {
        return clients.findClient(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client " + clientId))
                .chain(client -> policies.current(tenantId).chain(versioned -> owners.ownersOf(tenantId, clientId)
                        .chain(map -> lines.activeOf(tenantId, clientId).chain(active -> slots.openOf(tenantId, clientId)
                                .chain(open -> {
                                    Map<UUID, CadenceSlotEntity> byLine = open.stream()
                                            .collect(Collectors.toMap(s -> s.lineId, Function.identity(), (a, b) -> a));
                                    LocalDate today = clock.instant().atZone(versioned.policy().zone()).toLocalDate();
                                    return Multi.createFrom().iterable(active).onItem().transformToUniAndConcatenate(
                                                    line -> slots.lastMissOf(tenantId, line.id).map(miss -> view(line,
                                                            byLine.get(line.id), miss, today, OwnerResolver.resolve(
                                                                    line.ownerRole, map,
                                                                    versioned.policy().csLeaderMemberId()).memberId())))
                                            .collect().asList()
                                            .map(views -> new ClientCadence(client.cadenceSegment,
                                                    client.cadencePolicyVersion, client.consecutiveMisses,
                                                    client.lastStrategicHeldAt, views));
                                })))));
    }

    private static LineView view(CadenceLineEntity line, CadenceSlotEntity slot, CadenceSlotEntity miss, LocalDate today,
                                 UUID ownerMemberId) {
        SlotView slotView = slot == null ? null : new SlotView(slot.anchorDate, slot.dueDate, slot.windowEnd,
                slot.missAt, CadenceSlotEntity.WAITING_RECAP.equals(slot.state) ? slot.state
                : slot.plan().stateAt(today), slot.meetingId);
        return new LineView(line.meetingType, line.effectiveFrequency().name(), line.ownerRole.name(), ownerMemberId,
                line.strategic, line.lastHeldAt, slotView,
                miss == null ? null : new MissView(miss.dueDate, miss.missReason));
    }
}
