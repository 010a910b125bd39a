package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.segmentation.domain.ClientSignals;
import io.mspcs.segmentation.domain.ClientStatus;
import io.mspcs.segmentation.domain.HistoryEntry;
import io.mspcs.segmentation.domain.MrrBand;
import io.mspcs.segmentation.domain.SegmentAssignment;
import io.mspcs.segmentation.domain.SegmentEvaluator;
import io.mspcs.segmentation.domain.SegmentEvaluator.Axes;
import io.mspcs.segmentation.domain.SegmentEvaluator.Evaluation;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.messaging.SegmentEvents;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.JsonColumns;
import io.mspcs.segmentation.repository.SegmentAssignmentEntity;
import io.mspcs.segmentation.repository.SegmentAssignmentRepository;
import io.mspcs.segmentation.repository.SegmentHistoryEntity;
import io.mspcs.segmentation.repository.SegmentHistoryRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Runs the segmentation rules for one client inside the caller's transaction and records the result: the current
 * record, a history entry and the events of segmentation.md §5.1 when something material changed.
 */
@ApplicationScoped
public class SegmentService {

    public static final String SYSTEM = "system";

    private final ClientRepository clients;
    private final SegmentAssignmentRepository assignments;
    private final SegmentHistoryRepository history;
    private final OutboxWriter outbox;
    private final CapacityService capacity;

    public SegmentService(ClientRepository clients, SegmentAssignmentRepository assignments,
                          SegmentHistoryRepository history, OutboxWriter outbox, CapacityService capacity) {
        this.clients = clients;
        this.assignments = assignments;
        this.history = history;
        this.outbox = outbox;
        this.capacity = capacity;
    }

    /** A new client: provisional default, `SegmentAssigned`. */
    public Uni<Void> register(ClientEntity client, SegmentationPolicy policy, MrrBand band, EventContext context, Instant now) {
        SegmentAssignment assignment = SegmentEvaluator.provisional(
                new SegmentEvaluator.Context(policy, client.mrrAmount, band, ClientSignals.none(), now));
        SegmentAssignmentEntity row = SegmentAssignmentEntity.create(client.tenantId, client.id, assignment,
                ClientSignals.none(), now);
        return assignments.persist(row)
                .chain(() -> record(row, HistoryEntry.of(1, now, "ASSIGNED", null, assignment, SYSTEM)))
                .chain(() -> outbox.append(SegmentEvents.assigned(client.id, assignment, List.of()), context))
                .replaceWithVoid();
    }

    /**
     * Re-evaluates a client after its inputs changed. {@code signals} may update the kept inputs first; churned
     * clients stay as they are (only their inputs are kept).
     */
    public Uni<Evaluation> reevaluate(ClientEntity client, SegmentAssignmentEntity row, SegmentationPolicy policy,
                                      MrrBand band, Axes axes, Trigger trigger, UnaryOperator<ClientSignals> signals,
                                      EventContext context, Instant now, String actor) {
        ClientSignals kept = signals.apply(row.clientSignals());
        row.store(kept, now);
        if (client.status == ClientStatus.CHURNED) {
            return Uni.createFrom().nullItem();
        }
        SegmentAssignment current = row.assignment();
        Evaluation evaluation = SegmentEvaluator.evaluate(current, axes == null ? Axes.of(current) : axes, trigger,
                new SegmentEvaluator.Context(policy, client.mrrAmount, band == null ? bandOf(client, policy, current) : band,
                        kept, now));
        return apply(client.id, row, current, evaluation, evaluation.historyKind().name(), context, now, actor)
                .replaceWith(evaluation);
    }

    /** Stores an evaluation and emits SegmentChanged (letter changed) or SegmentAssigned (anything else material). */
    public Uni<Void> apply(UUID clientId, SegmentAssignmentEntity row, SegmentAssignment before, Evaluation evaluation,
                           String historyKind, EventContext context, Instant now, String actor) {
        row.store(evaluation.next(), now);
        if (!evaluation.material()) {
            return Uni.createFrom().voidItem();
        }
        return history.lastSeq(row.tenantId, clientId)
                .chain(seq -> record(row, HistoryEntry.of(seq + 1, now, historyKind, before.segment(), evaluation.next(), actor)))
                .chain(() -> outbox.append(evaluation.letterChanged()
                        ? SegmentEvents.changed(clientId, before, evaluation.next(), now)
                        : SegmentEvents.assigned(clientId, evaluation.next(), evaluation.changed()), context))
                // A new letter moves the client's weight in its owners' books (accounts per segment).
                .chain(() -> evaluation.letterChanged() ? capacity.reconcile(row.tenantId, context, now)
                        : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /** Loads client and record; null when the client is unknown in the tenant. */
    public Uni<Map.Entry<ClientEntity, SegmentAssignmentEntity>> load(UUID tenantId, UUID clientId) {
        return clients.findInTenant(tenantId, clientId).chain(client -> client == null
                ? Uni.createFrom().nullItem()
                : assignments.findInTenant(tenantId, clientId).map(row -> row == null ? null : Map.entry(client, row)));
    }

    /** Re-evaluates every client of a tenant, one after the other (policy change, sweep). */
    public Uni<Integer> reevaluateAll(UUID tenantId, SegmentationPolicy policy, Trigger trigger, EventContext context,
                                      Instant now) {
        return assignments.allInTenant(tenantId).chain(rows -> clients.findAllInTenant(tenantId,
                        rows.stream().map(r -> r.clientId).toList())
                .chain(found -> {
                    Map<UUID, ClientEntity> byId = new java.util.HashMap<>();
                    found.forEach(c -> byId.put(c.id, c));
                    return Multi.createFrom().iterable(rows)
                            .onItem().transformToUniAndConcatenate(row -> reevaluate(byId.get(row.clientId), row, policy,
                                    null, null, trigger, UnaryOperator.identity(), context, now, SYSTEM)
                                    .map(e -> e != null && e.letterChanged() ? 1 : 0))
                            .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
                }));
    }

    public MrrBand bandOf(ClientEntity client, SegmentationPolicy policy, SegmentAssignment current) {
        // EQUAL_REVENUE bands are set tenant-wide when MRR or the policy changes; between those they stay as stored.
        return policy.mrrBands().method() == SegmentationPolicy.BandMethod.FIXED || current == null
                ? MrrBand.fixed(client.mrrAmount, policy.mrrBands()) : current.mrrBand();
    }

    public Uni<Void> record(SegmentAssignmentEntity row, HistoryEntry entry) {
        SegmentHistoryEntity entity = new SegmentHistoryEntity();
        entity.id = UUID.randomUUID();
        entity.tenantId = row.tenantId;
        entity.clientId = row.clientId;
        entity.seq = entry.seq();
        entity.at = entry.at();
        entity.kind = entry.kind();
        entity.entry = JsonColumns.write(entry);
        entity.createdAt = entry.at();
        entity.updatedAt = entry.at();
        return history.persist(entity).replaceWithVoid();
    }

    /** EQUAL_REVENUE: one client's MRR or status change may re-band the others; each gets its own event. */
    public Uni<Void> rebandTenant(UUID tenantId, SegmentationPolicy policy, EventContext context, Instant now) {
        if (policy.mrrBands().method() != SegmentationPolicy.BandMethod.EQUAL_REVENUE) {
            return Uni.createFrom().voidItem();
        }
        return clients.active(tenantId).chain(active -> {
            Map<UUID, MrrBand> bands = MrrBand.equalRevenue(active.stream()
                    .map(c -> new MrrBand.Ranked(c.id, c.mrrAmount, c.createdAt)).toList());
            return Multi.createFrom().iterable(active)
                    .onItem().transformToUniAndConcatenate(client -> assignments.findInTenant(tenantId, client.id)
                            .chain(row -> row == null || row.assignment().mrrBand() == bands.get(client.id)
                                    ? Uni.createFrom().nullItem()
                                    : reevaluate(client, row, policy, bands.get(client.id), null, Trigger.MRR,
                                    UnaryOperator.identity(), context, now, SYSTEM)))
                    .collect().asList().replaceWithVoid();
        });
    }
}
