package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.ClientProfile;
import io.mspcs.segmentation.domain.ClientProfileInput;
import io.mspcs.segmentation.domain.ClientProfileValidator;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.domain.UpsertOutcome;
import io.mspcs.segmentation.domain.Violation;
import io.mspcs.segmentation.messaging.ClientEvents;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The registry's use cases. A bulk upsert is one transaction: valid items are created or updated by
 * {@code (source, externalId)} with their events, invalid ones are answered per item and write nothing.
 */
@ApplicationScoped
public class ClientRegistryService {

    public static final int BULK_LIMIT = 5_000;

    private final ClientRepository clients;
    private final SegmentAssignmentRepository assignments;
    private final PolicyRepository policies;
    private final SegmentService segments;
    private final OutboxWriter outbox;
    private final CapacityService capacity;
    private final Clock clock;

    public ClientRegistryService(ClientRepository clients, SegmentAssignmentRepository assignments,
                                 PolicyRepository policies, SegmentService segments, OutboxWriter outbox,
                                 CapacityService capacity, Clock clock) {
        this.clients = clients;
        this.assignments = assignments;
        this.policies = policies;
        this.segments = segments;
        this.outbox = outbox;
        this.capacity = capacity;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<BulkUpsertResult> bulkUpsert(List<ClientProfileInput> items, EventContext context) {
        rejectBatchFaults(items);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Set<String> keys = items.stream().filter(i -> i.source() != null && i.externalId() != null)
                .map(ClientRegistryService::key).collect(Collectors.toSet());
        return policies.active(context.tenantId()).chain(policy -> clients.findByExternalIds(context.tenantId(), keys)
                .map(found -> found.stream().collect(Collectors.toMap(c -> c.source + "/" + c.externalId, c -> c)))
                .chain(existing -> Multi.createFrom().range(0, items.size())
                        .onItem().transformToUniAndConcatenate(index ->
                                upsertOne(index, items.get(index), existing, policy, now, context))
                        .collect().asList())
                .call(results -> results.stream().anyMatch(r -> r.outcome() == UpsertOutcome.CREATED
                        || r.outcome() == UpsertOutcome.UPDATED)
                        ? segments.rebandTenant(context.tenantId(), policy, context, now) : Uni.createFrom().voidItem())
                .map(BulkUpsertResult::new));
    }

    private Uni<BulkUpsertResult.Item> upsertOne(int index, ClientProfileInput input, Map<String, ClientEntity> existing,
                                                 SegmentationPolicy policy, Instant now, EventContext context) {
        String prefix = "items[" + index + "].";
        List<Violation> identity = ClientProfileValidator.identity(prefix, input);
        if (!identity.isEmpty()) {
            return Uni.createFrom().item(rejected(index, input, identity));
        }
        ClientEntity client = existing.get(key(input));
        if (client != null && input.sourceUpdatedAt() != null && client.sourceUpdatedAt != null
                && input.sourceUpdatedAt().isBefore(client.sourceUpdatedAt)) {
            return Uni.createFrom().item(new BulkUpsertResult.Item(index, input.source(), input.externalId(),
                    UpsertOutcome.UNCHANGED, client.id, List.of(), true, List.of()));
        }
        ClientProfileValidator.Result validated = ClientProfileValidator.merge(prefix,
                client == null ? null : client.profile(), input, policy.currency(), UUID::randomUUID);
        if (!validated.valid()) {
            return Uni.createFrom().item(rejected(index, input, validated.violations()));
        }
        if (client == null) {
            ClientEntity created = ClientEntity.register(context.tenantId(), input.source(), input.externalId(),
                    validated.profile(), now);
            created.sourceUpdatedAt = input.sourceUpdatedAt();
            existing.put(key(input), created);
            return clients.persist(created)
                    .call(() -> outbox.append(ClientEvents.registered(created), context))
                    .call(() -> segments.register(created, policy,
                            segments.bandOf(created, policy, null), context, now))
                    .replaceWith(new BulkUpsertResult.Item(index, input.source(), input.externalId(),
                            UpsertOutcome.CREATED, created.id, List.of(), false, List.of()));
        }
        return update(client, validated.profile(), input.sourceUpdatedAt(), policy, context, now)
                .map(changed -> new BulkUpsertResult.Item(index, input.source(), input.externalId(),
                        changed.isEmpty() ? UpsertOutcome.UNCHANGED : UpsertOutcome.UPDATED, client.id, changed,
                        false, List.of()));
    }

    /** Applies a merged profile; MRR and status changes re-place the client (band, tier, hours). */
    private Uni<List<String>> update(ClientEntity client, ClientProfile profile, Instant sourceUpdatedAt,
                                     SegmentationPolicy policy, EventContext context, Instant now) {
        Map<String, ClientProfile.FieldChange> changes = client.profile().changesTo(profile);
        if (sourceUpdatedAt != null) {
            client.sourceUpdatedAt = sourceUpdatedAt;
        }
        if (changes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        client.apply(profile, now);
        Uni<Void> resegment = changes.containsKey("mrr") || changes.containsKey("status")
                ? assignments.findInTenant(client.tenantId, client.id).chain(row -> row == null
                ? Uni.createFrom().voidItem()
                : segments.reevaluate(client, row, policy, null, null, Trigger.MRR, UnaryOperator.identity(), context,
                now, SegmentService.SYSTEM).replaceWithVoid())
                : Uni.createFrom().voidItem();
        return outbox.append(ClientEvents.updated(client, changes), context)
                .chain(() -> resegment)
                .chain(() -> changes.containsKey("status") ? capacity.reconcile(client.tenantId, context, now)
                        : Uni.createFrom().voidItem())
                .replaceWith(List.copyOf(changes.keySet()));
    }

    /** A merge patch of one client (not source/externalId). */
    @WithTransaction
    public Uni<ClientEntity> patch(UUID tenantId, UUID clientId, ClientProfileInput input, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return clients.findInTenant(tenantId, clientId)
                .onItem().ifNull().failWith(() -> clientNotFound(clientId))
                .chain(client -> policies.active(tenantId).chain(policy -> {
                    ClientProfileValidator.Result validated = ClientProfileValidator.merge("", client.profile(), input,
                            policy.currency(), UUID::randomUUID);
                    if (!validated.valid()) {
                        return Uni.createFrom().failure(ProblemException.invalid("The client patch is invalid",
                                validated.violations().stream().map(v -> new Problem.FieldError(v.field(), v.code())).toList()));
                    }
                    return update(client, validated.profile(), null, policy, context, now)
                            .call(changed -> changed.isEmpty() ? Uni.createFrom().voidItem()
                                    : segments.rebandTenant(tenantId, policy, context, now))
                            .replaceWith(client);
                }));
    }

    private static BulkUpsertResult.Item rejected(int index, ClientProfileInput input, List<Violation> violations) {
        return new BulkUpsertResult.Item(index, input.source(), input.externalId(), UpsertOutcome.REJECTED, null,
                List.of(), false, violations);
    }

    private static String key(ClientProfileInput input) {
        return input.source() + "/" + input.externalId();
    }

    /** A repeated (source, externalId) refuses the batch: every index is listed and nothing is written. */
    private static void rejectBatchFaults(List<ClientProfileInput> items) {
        if (items.isEmpty()) {
            throw ProblemException.invalid("items", "size", "A batch needs at least one item");
        }
        Map<String, List<Integer>> byKey = new HashMap<>();
        IntStream.range(0, items.size()).filter(i -> items.get(i).source() != null && items.get(i).externalId() != null)
                .forEach(i -> byKey.computeIfAbsent(key(items.get(i)), k -> new ArrayList<>()).add(i));
        List<Problem.FieldError> duplicates = byKey.values().stream().filter(indexes -> indexes.size() > 1)
                .flatMap(List::stream).sorted()
                .map(i -> new Problem.FieldError("items[" + i + "].externalId", "duplicate-in-batch"))
                .toList();
        if (!duplicates.isEmpty()) {
            throw ProblemException.invalid("Each (source, externalId) may appear once per batch", duplicates);
        }
    }

    public static ProblemException clientNotFound(UUID clientId) {
        return new ProblemException(404, "client-not-found", "Client not found",
                "Client " + clientId + " does not exist", List.of());
    }
}
