package io.mspcs.health.service;

import io.mspcs.health.domain.CoverageInput;
import io.mspcs.health.domain.CoverageInputValidator;
import io.mspcs.health.domain.CoverageObservation;
import io.mspcs.health.domain.CoverageReading;
import io.mspcs.health.domain.DmiCalculator;
import io.mspcs.health.domain.DmiCatalog;
import io.mspcs.health.domain.DmiPolicy;
import io.mspcs.health.domain.DmiSheet;
import io.mspcs.health.domain.DmiSnapshotPolicy;
import io.mspcs.health.domain.SnapshotKind;
import io.mspcs.health.domain.Violation;
import io.mspcs.health.messaging.DmiEvents;
import io.mspcs.health.repository.ClientHealthEntity;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.health.repository.DmiCoverageEntity;
import io.mspcs.health.repository.DmiCoverageRepository;
import io.mspcs.health.repository.DmiSnapshotEntity;
import io.mspcs.health.repository.DmiSnapshotRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DMI use cases: manual coverage, the sheet and the snapshots. Recording coverage stores it, recomputes the
 * DMI and — when the recompute is material — writes the snapshot and its events, all in one transaction under the
 * client's row lock, so snapshots and events follow commit order per client.
 */
@ApplicationScoped
public class DmiService {

    private final ClientHealthRepository clients;
    private final DmiCoverageRepository coverages;
    private final DmiSnapshotRepository snapshots;
    private final DmiCatalogService catalogs;
    private final OutboxWriter outbox;
    private final Clock clock;
    // Until scoring models are stored, every tenant uses the default model (version 1).
    private final DmiPolicy policy = DmiPolicy.defaults();
    private final DmiCalculator calculator = new DmiCalculator(policy);
    private final DmiSnapshotPolicy snapshotPolicy = new DmiSnapshotPolicy(policy);

    public DmiService(ClientHealthRepository clients, DmiCoverageRepository coverages, DmiSnapshotRepository snapshots,
                      DmiCatalogService catalogs, OutboxWriter outbox, Clock clock) {
        this.clients = clients;
        this.coverages = coverages;
        this.snapshots = snapshots;
        this.catalogs = catalogs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<DmiSheet> recordCoverage(UUID clientId, List<CoverageInput> items, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CoverageInputValidator.Result checked = CoverageInputValidator.validate(items, now);
        if (!checked.valid()) {
            throw ProblemException.invalid(checked.violations().size() + " field(s) invalid", fieldErrors(checked.violations()));
        }
        UUID tenantId = context.tenantId();
        return clients.lockInTenant(tenantId, clientId)
                .map(client -> registered(client, clientId))
                .chain(client -> catalogs.activeForWrite(tenantId, now)
                        .invoke(catalog -> refuseUnusable(checked.observations(), catalog, now))
                        .chain(catalog -> coverages.ofClient(tenantId, clientId)
                                .chain(stored -> store(tenantId, clientId, checked.observations(), stored, now))
                                .chain(current -> recompute(client, catalog, current, now, context))));
    }

    @WithTransaction
    public Uni<DmiSheet> sheet(UUID tenantId, UUID clientId) {
        Instant now = clock.instant();
        return clients.findInTenant(tenantId, clientId)
                .map(client -> registered(client, clientId))
                .chain(client -> catalogs.active(tenantId)
                        .chain(catalog -> coverages.ofClient(tenantId, clientId)
                                .chain(stored -> snapshots.latest(tenantId, clientId)
                                        .map(last -> calculator.calculate(catalog, readings(stored),
                                                client.bandProfile(), last == null ? null : last.color, now)))));
    }

    @WithTransaction
    public Uni<List<DmiSnapshotEntity>> snapshots(UUID tenantId, UUID clientId, SnapshotKind kind, UUID after, int limit) {
        return clients.findInTenant(tenantId, clientId)
                .map(client -> registered(client, clientId))
                .chain(client -> snapshots.page(tenantId, clientId, kind, after, limit));
    }

    private static ClientHealthEntity registered(ClientHealthEntity client, UUID clientId) {
        if (client == null || !client.registered()) {
            throw ProblemException.notFound("Client " + clientId);
        }
        return client;
    }

    private static void refuseUnusable(List<CoverageObservation> observations, DmiCatalog catalog, Instant now) {
        List<Violation> unknown = CoverageInputValidator.unknownInsights(observations, catalog);
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-insight", "Unknown insight",
                    "Not an active insight of DMI catalogue version " + catalog.version(), fieldErrors(unknown));
        }
        List<Violation> future = CoverageInputValidator.observedInFuture(observations, now);
        if (!future.isEmpty()) {
            throw new ProblemException(422, "observed-in-future", "Observed in the future",
                    "observedAt lies in the future", fieldErrors(future));
        }
    }

    /** Latest observation per insight wins; an older one is ignored. Returns the current coverage by insight. */
    private Uni<Map<String, DmiCoverageEntity>> store(UUID tenantId, UUID clientId, List<CoverageObservation> observations,
                                                      List<DmiCoverageEntity> stored, Instant now) {
        Map<String, DmiCoverageEntity> current = new HashMap<>(stored.stream()
                .collect(Collectors.toMap(c -> c.insightCode, Function.identity())));
        List<DmiCoverageEntity> created = new ArrayList<>();
        for (CoverageObservation observation : observations) {
            DmiCoverageEntity existing = current.get(observation.insightCode());
            if (existing == null) {
                DmiCoverageEntity entity = DmiCoverageEntity.of(tenantId, clientId, observation, DmiCoverageEntity.MANUAL, now);
                current.put(entity.insightCode, entity);
                created.add(entity);
            } else {
                existing.accept(observation, DmiCoverageEntity.MANUAL, now);
            }
        }
        // Panache refuses to persist an empty batch
        return created.isEmpty() ? Uni.createFrom().item(current) : coverages.persist(created).replaceWith(current);
    }

    private Uni<DmiSheet> recompute(ClientHealthEntity client, DmiCatalog catalog,
                                    Map<String, DmiCoverageEntity> current, Instant now, EventContext context) {
        UUID tenantId = client.tenantId;
        UUID clientId = client.clientId;
        return snapshots.latest(tenantId, clientId)
                .chain(last -> snapshots.since(tenantId, clientId, now.minus(policy.dropWindow()))
                        .chain(recent -> {
                            DmiSheet sheet = calculator.calculate(catalog, readings(current.values()),
                                    client.bandProfile(), last == null ? null : last.color, now);
                            Optional<DmiSnapshotPolicy.Plan> plan = snapshotPolicy.interim(sheet, client.dmiComplete,
                                    last == null ? null : last.toPoint(),
                                    recent.stream().map(DmiSnapshotEntity::toPoint).toList(), now);
                            client.recordDmiCompleteness(sheet.complete(), now);
                            return plan.isEmpty() ? Uni.createFrom().item(sheet)
                                    : takeSnapshot(client, last == null ? 1 : last.seq + 1, plan.get(), sheet, now, context)
                                    .replaceWith(sheet);
                        }));
    }

    /** The snapshot, its DmiMeasured and — for a drop — the DmiDropped right after it (health.md §5.3 order). */
    private Uni<Void> takeSnapshot(ClientHealthEntity client, int seq, DmiSnapshotPolicy.Plan plan, DmiSheet sheet,
                                   Instant now, EventContext context) {
        DmiSnapshotEntity snapshot = DmiSnapshotEntity.take(client.tenantId, client.clientId, seq, plan, sheet,
                client.segment, policy.modelVersion(), now);
        return snapshots.persist(snapshot)
                .call(() -> outbox.append(DmiEvents.measured(snapshot), context))
                .call(() -> snapshot.dropped
                        ? outbox.append(DmiEvents.dropped(snapshot, snapshotPolicy.dropThreshold()), context)
                        : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    private static Map<String, CoverageReading> readings(Collection<DmiCoverageEntity> stored) {
        return stored.stream().collect(Collectors.toMap(c -> c.insightCode, DmiCoverageEntity::toReading));
    }

    private static List<Problem.FieldError> fieldErrors(List<Violation> violations) {
        return violations.stream().map(v -> new Problem.FieldError(v.field(), v.code())).toList();
    }
}
