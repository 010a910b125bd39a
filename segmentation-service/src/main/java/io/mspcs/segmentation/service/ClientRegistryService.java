package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.ClientProfile;
import io.mspcs.segmentation.domain.ClientProfileInput;
import io.mspcs.segmentation.domain.ClientProfileValidator;
import io.mspcs.segmentation.domain.UpsertOutcome;
import io.mspcs.segmentation.messaging.ClientEvents;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.ClientRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
    private final OutboxWriter outbox;
    private final Clock clock;

    public ClientRegistryService(ClientRepository clients, OutboxWriter outbox, Clock clock) {
        this.clients = clients;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<BulkUpsertResult> bulkUpsert(String source, List<ClientProfileInput> items, EventContext context) {
        rejectDuplicates(items);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Set<String> externalIds = items.stream().map(ClientProfileInput::externalId).filter(id -> id != null)
                .collect(Collectors.toSet());
        return clients.findByExternalIds(context.tenantId(), source, externalIds)
                .map(found -> found.stream().collect(Collectors.toMap(c -> c.externalId, Function.identity())))
                .chain(existing -> Multi.createFrom().range(0, items.size())
                        .onItem().transformToUniAndConcatenate(index ->
                                upsertOne(index, source, items.get(index), existing, now, context))
                        .collect().asList())
                .map(BulkUpsertResult::new);
    }

    private Uni<BulkUpsertResult.Item> upsertOne(int index, String source, ClientProfileInput input,
                                                 Map<String, ClientEntity> existing, Instant now, EventContext context) {
        ClientProfileValidator.Result validated = ClientProfileValidator.validate("items[" + index + "].", input);
        if (!validated.valid()) {
            return Uni.createFrom().item(new BulkUpsertResult.Item(index, input.externalId(), UpsertOutcome.REJECTED,
                    null, validated.violations()));
        }
        ClientEntity client = existing.get(input.externalId());
        if (client == null) {
            ClientEntity created = ClientEntity.register(context.tenantId(), source, input.externalId(), validated.profile(), now);
            return clients.persist(created)
                    .call(() -> outbox.append(ClientEvents.registered(created), context))
                    .replaceWith(item(index, created, UpsertOutcome.CREATED));
        }
        Map<String, ClientProfile.FieldChange> changes = client.profile().changesTo(validated.profile());
        if (changes.isEmpty()) {
            return Uni.createFrom().item(item(index, client, UpsertOutcome.UNCHANGED));
        }
        client.apply(validated.profile(), now);
        return outbox.append(ClientEvents.updated(client, changes), context)
                .replaceWith(item(index, client, UpsertOutcome.UPDATED));
    }

    private static BulkUpsertResult.Item item(int index, ClientEntity client, UpsertOutcome outcome) {
        return new BulkUpsertResult.Item(index, client.externalId, outcome, client.id, List.of());
    }

    /** Two items with one external id cannot both win: the whole batch is refused, nothing is written. */
    private static void rejectDuplicates(List<ClientProfileInput> items) {
        Set<String> seen = new HashSet<>();
        List<Problem.FieldError> duplicates = IntStream.range(0, items.size())
                .filter(i -> items.get(i).externalId() != null && !seen.add(items.get(i).externalId()))
                .mapToObj(i -> new Problem.FieldError("items[" + i + "].externalId", "duplicate"))
                .toList();
        if (!duplicates.isEmpty()) {
            throw new ProblemException(400, "duplicate-external-id", "Duplicate external ids in one batch",
                    "Each externalId may appear once per batch", duplicates);
        }
    }

    @WithSession
    public Uni<ClientEntity> get(UUID tenantId, UUID clientId) {
        return clients.findInTenant(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client " + clientId));
    }

    @WithSession
    public Uni<List<ClientEntity>> page(UUID tenantId, UUID after, int limit) {
        return clients.page(tenantId, after, limit);
    }
}
