package io.mspcs.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.domain.BandProfile;
import io.mspcs.health.domain.ClientStatus;
import io.mspcs.health.domain.Color;
import io.mspcs.health.domain.CoverageReading;
import io.mspcs.health.domain.DmiCalculator;
import io.mspcs.health.domain.DmiCatalog;
import io.mspcs.health.domain.DmiPolicy;
import io.mspcs.health.domain.DmiSheet;
import io.mspcs.health.domain.DmiSnapshotPolicy;
import io.mspcs.health.domain.DmiStallRule;
import io.mspcs.health.domain.DimensionScore;
import io.mspcs.health.domain.ReviewSchedule;
import io.mspcs.health.domain.HealthCalculator;
import io.mspcs.health.domain.HealthFacts;
import io.mspcs.health.domain.HealthFactsAssembler;
import io.mspcs.health.domain.HealthModel;
import io.mspcs.health.domain.HealthScore;
import io.mspcs.health.domain.MonthlyClose;
import io.mspcs.health.domain.ScoreChange;
import io.mspcs.health.domain.ScoreSummary;
import io.mspcs.health.domain.SignalFact;
import io.mspcs.health.domain.AdoptionGates;
import io.mspcs.health.domain.BackupRisks;
import io.mspcs.health.messaging.DmiEvents;
import io.mspcs.health.messaging.GateEvents;
import io.mspcs.health.messaging.HealthEvents;
import io.mspcs.health.repository.BatchOutbox;
import io.mspcs.health.repository.ClientHealthEntity;
import io.mspcs.health.repository.ClientHealthRows;
import io.mspcs.health.repository.DmiCoverageRepository;
import io.mspcs.health.repository.DmiSnapshotEntity;
import io.mspcs.health.repository.DmiSnapshotRepository;
import io.mspcs.health.repository.EngagementStore;
import io.mspcs.health.repository.HealthAlertEntity;
import io.mspcs.health.repository.HealthAlertRepository;
import io.mspcs.health.repository.MonthlyCloseStore;
import io.mspcs.health.repository.ScoreRecordRepository;
import io.mspcs.health.repository.SignalFacts;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes a batch of clients in the caller's transaction (health.md §5, §8): locks their rows in a fixed order,
 * reads every input with one set-based query per kind for the whole batch, computes each client (pure domain
 * calculators), and writes only what changed — snapshots, score records, client read model and events in the
 * order of §5.3 — with one outbox statement for the batch.
 */
@ApplicationScoped
public class HealthScoringService {

    static final int FACT_DAYS = 400;
    static final BigDecimal GATE_CLEAR_MARGIN = new BigDecimal("0.02");

    private final ClientHealthRows rows;
    private final DmiCoverageRepository coverages;
    private final DmiSnapshotRepository snapshots;
    private final ScoreRecordRepository records;
    private final SignalFacts facts;
    private final EngagementStore engagementStore;
    private final HealthAlertRepository alerts;
    private final DmiCatalogService catalogs;
    private final ScoringModelService models;
    private final BatchOutbox outbox;
    private final MonthlyCloseStore closes;
    private final Clock clock;

    public HealthScoringService(ClientHealthRows rows, DmiCoverageRepository coverages,
                                DmiSnapshotRepository snapshots, ScoreRecordRepository records, SignalFacts facts,
                                EngagementStore engagementStore, HealthAlertRepository alerts,
                                DmiCatalogService catalogs, ScoringModelService models, BatchOutbox outbox,
                                MonthlyCloseStore closes, Clock clock) {
        this.rows = rows;
        this.coverages = coverages;
        this.snapshots = snapshots;
        this.records = records;
        this.facts = facts;
        this.engagementStore = engagementStore;
        this.alerts = alerts;
        this.catalogs = catalogs;
        this.models = models;
        this.outbox = outbox;
        this.closes = closes;
        this.clock = clock;
    }

    /** What a batch wrote. */
    public record Outcome(int clients, int records, int events) {
    }

    /** Must run inside a transaction. {@code trigger} is one of health.md §5.1's. */
    public Uni<Outcome> recompute(UUID tenantId, List<UUID> clientIds, String trigger, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (clientIds.isEmpty()) {
            return Uni.createFrom().item(new Outcome(0, 0, 0));
        }
        return rows.lock(tenantId, clientIds).chain(locked -> {
            List<ClientHealthRows.State> before = locked.stream().map(ClientHealthRows.State::of).toList();
            List<ClientHealthEntity> scorable = new ArrayList<>();
            for (ClientHealthEntity client : locked) {
                client.dirtyAt = null;
                // churned clients keep their signals, but scoring stays paused (health.md §4)
                if (client.registered() && client.status != ClientStatus.CHURNED) {
                    scorable.add(client);
                }
            }
            if (scorable.isEmpty()) {
                return rows.update(locked, before).replaceWith(new Outcome(0, 0, 0));
            }
            List<UUID> ids = scorable.stream().map(c -> c.clientId).toList();
            List<UUID> previousIds = scorable.stream().map(c -> c.currentScoreId).filter(java.util.Objects::nonNull).toList();
            return models.activeForWrite(tenantId, now).chain(model -> catalogs.activeForWrite(tenantId, now)
                    .chain(catalog -> coverages.readingsOf(tenantId, ids)
                            .chain(readings -> facts.of(tenantId, ids, now.minus(Duration.ofDays(FACT_DAYS)))
                                    .chain(signals -> engagementStore.of(tenantId, ids)
                                    .chain(engagement -> records.previousOf(tenantId, previousIds)
                                            .chain(previous -> snapshots.latestOf(tenantId, ids)
                                                    .chain(latest -> snapshots.sinceOf(tenantId, ids,
                                                                    now.minus(Duration.ofDays(90)))
                                                            .chain(recent -> alerts.liveOf(tenantId, ids, now)
                                                            .chain(live -> closes.latestOf(tenantId, ids)
                                                            .chain(lastCloses -> offEventLoop(() -> compute(scorable,
                                                                    model, catalog, readings, signals, engagement,
                                                                    previous, latest, recent, live, lastCloses, trigger,
                                                                    context, now)))))))))))
                    .chain(writes -> persist(writes))
                    .call(() -> rows.update(locked, before)));
        });
    }

    /**
     * Runs the pure scoring of a batch on a worker thread and resumes on the caller's Vert.x context (where the
     * reactive session lives), so a 250-client batch does not block ingest on the event loop (health.md §8).
     */
    private static <T> Uni<T> offEventLoop(java.util.function.Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(work);
        }
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** What a batch's computation decided to write. */
    private record Writes(Outcome outcome, List<DmiSnapshotEntity> snapshots,
                          List<ScoreRecordRepository.NewRecord> records, List<HealthAlertEntity> alerts,
                          List<MonthlyCloseStore.NewClose> closes, List<BatchOutbox.Pending> events) {
    }

    private Uni<Outcome> persist(Writes writes) {
        Uni<Void> persistSnapshots = writes.snapshots().isEmpty() ? Uni.createFrom().voidItem()
                : snapshots.persist(writes.snapshots());
        Uni<Void> persistAlerts = writes.alerts().isEmpty() ? Uni.createFrom().voidItem() : alerts.persist(writes.alerts());
        return persistSnapshots.chain(() -> records.insertAll(writes.records())).chain(() -> persistAlerts)
                .chain(() -> closes.insertAll(writes.closes()))
                .chain(() -> outbox.append(writes.events())).replaceWith(writes.outcome());
    }

    private static Writes compute(List<ClientHealthEntity> scorable, ActiveModel model, DmiCatalog catalog,
                               Map<UUID, Map<String, CoverageReading>> readings, Map<UUID, List<SignalFact>> signals,
                               Map<UUID, EngagementStore.Engagement> engagement, List<ScoreRecordRepository.Previous> previous,
                               List<DmiSnapshotEntity> latest,
                               List<DmiSnapshotEntity> recent, List<HealthAlertEntity> live,
                               Map<UUID, MonthlyClose> lastCloses, String trigger, EventContext context, Instant now) {
        Map<UUID, ScoreRecordRepository.Previous> previousById = new HashMap<>();
        previous.forEach(r -> previousById.put(r.id(), r));
        Map<UUID, DmiSnapshotEntity> latestByClient = new HashMap<>();
        latest.forEach(s -> latestByClient.put(s.clientId, s));
        Map<UUID, List<DmiSnapshotEntity>> recentByClient = new HashMap<>();
        recent.forEach(s -> recentByClient.computeIfAbsent(s.clientId, k -> new ArrayList<>()).add(s));
        Map<UUID, List<HealthAlertEntity>> liveByClient = new HashMap<>();
        live.forEach(a -> liveByClient.computeIfAbsent(a.clientId, k -> new ArrayList<>()).add(a));
        AdoptionGates gatePolicy = new AdoptionGates(GATE_CLEAR_MARGIN, model.content().colorMargin(), UUID::randomUUID);
        BackupRisks riskPolicy = new BackupRisks(BackupRisks.Policy.defaults(), UUID::randomUUID);
        List<HealthAlertEntity> newAlerts = new ArrayList<>();

        DmiPolicy dmiPolicy = dmiPolicy(model);
        DmiCalculator dmiCalculator = new DmiCalculator(dmiPolicy);
        DmiSnapshotPolicy snapshotPolicy = new DmiSnapshotPolicy(dmiPolicy);
        HealthCalculator calculator = new HealthCalculator(model.content());
        CycleClose cycles = new CycleClose(model.content().timeZone(), now);
        DmiStallRule stallRule = DmiStallRule.defaults();

        List<DmiSnapshotEntity> newSnapshots = new ArrayList<>();
        List<ScoreRecordRepository.NewRecord> newRecords = new ArrayList<>();
        List<MonthlyCloseStore.NewClose> newCloses = new ArrayList<>();
        List<BatchOutbox.Pending> events = new ArrayList<>();
        for (ClientHealthEntity client : scorable) {
            ScoreRecordRepository.Previous before = client.currentScoreId == null ? null
                    : previousById.get(client.currentScoreId);
            ScoreSummary summary = summaryOf(before);
            Map<String, Color> lastColors = summary == null ? Map.of() : summary.lastColors();
            BandProfile profile = client.bandProfile();
            DmiSnapshotEntity last = latestByClient.get(client.clientId);
            Color adoptionFrom = lastColors.containsKey("ADOPTION") ? lastColors.get("ADOPTION")
                    : last == null ? null : last.color;
            DmiSheet sheet = dmiCalculator.calculate(catalog, readings.getOrDefault(client.clientId, Map.of()), profile,
                    adoptionFrom, now);

            List<DmiSnapshotEntity> clientRecent = recentByClient.getOrDefault(client.clientId, List.of());
            boolean closing = cycles.due(client);
            var plan = closing
                    ? snapshotPolicy.cycle(sheet, cycles.ended(), cycles.today(), last == null ? null : last.toPoint(),
                            cycles.previous(clientRecent), clientRecent.stream().map(DmiSnapshotEntity::toPoint).toList(),
                            stallRule, now)
                    : snapshotPolicy.interim(sheet, client.dmiComplete, last == null ? null : last.toPoint(),
                            clientRecent.stream().map(DmiSnapshotEntity::toPoint).toList(), now);
            cycles.passed(client);
            client.recordDmiCompleteness(sheet.complete(), now);
            if (plan.isPresent()) {
                DmiSnapshotEntity snapshot = DmiSnapshotEntity.take(client.tenantId, client.clientId,
                        last == null ? 1 : last.seq + 1, plan.get(), sheet, client.segment, model.version(), now);
                newSnapshots.add(snapshot);
                events.add(new BatchOutbox.Pending(DmiEvents.measured(snapshot), context));
                if (snapshot.dropped) {
                    events.add(new BatchOutbox.Pending(DmiEvents.dropped(snapshot, snapshotPolicy.dropThreshold()), context));
                }
                if (snapshot.stalled) {
                    events.add(new BatchOutbox.Pending(DmiEvents.stalled(snapshot, stallRule.tolerance()), context));
                }
            }

            List<HealthAlertEntity> clientAlerts = liveByClient.getOrDefault(client.clientId, List.of());
            gates(gatePolicy, catalog, sheet, client, clientAlerts, newAlerts, events, model.version(), context, now);
            risks(riskPolicy, BackupRisks.latest(signals.getOrDefault(client.clientId, List.of())), client, clientAlerts,
                    newAlerts, events, context, now);

            EngagementStore.Engagement met = engagement.get(client.clientId);
            HealthFacts clientFacts = HealthFactsAssembler.assemble(client.registeredAt,
                    signals.getOrDefault(client.clientId, List.of()), met == null ? List.of() : met.meetings(),
                    met == null ? List.of() : met.misses(), met == null ? List.of() : met.proposals());
            client.nextReviewAt = ReviewSchedule.next(now, cycles.zone(), client.registeredAt,
                    signals.getOrDefault(client.clientId, List.of()),
                    readings.getOrDefault(client.clientId, Map.of()).values(), dmiPolicy.manualMaxAge(profile),
                    clientFacts, clientAlerts.stream().map(a -> a.overrideExpiresAt).filter(java.util.Objects::nonNull).toList());
            HealthScore score = calculator.calculate(sheet, clientFacts, profile, lastColors, now);
            MonthlyClose lastClose = lastCloses.get(client.clientId);
            if (ScoreChange.material(summary, score, model.version(), catalog.version(),
                    model.content().materialDelta())) {
                newRecords.add(scored(client, score, summary, before, model, catalog, lastClose, events, trigger,
                        context, now));
            }
            // a colour change is always material, so the score's colours are those of the client's current record
            if (closing) {
                newCloses.add(new MonthlyCloseStore.NewClose(client.tenantId, client.clientId, client.currentScoreId,
                        MonthlyClose.close(cycles.ended(), colorsOf(score), lastClose), now));
            }
        }
        return new Writes(new Outcome(scorable.size(), newRecords.size(), events.size()), newSnapshots, newRecords,
                newAlerts, newCloses, events);
    }

    /** Colour per dimension and COMPOSITE (absent: no colour). */
    private static Map<String, Color> colorsOf(HealthScore score) {
        Map<String, Color> colors = new HashMap<>();
        for (DimensionScore dimension : score.dimensions()) {
            if (dimension.color() != null) {
                colors.put(dimension.dimension().name(), dimension.color());
            }
        }
        if (score.compositeColor() != null) {
            colors.put(HealthModel.COMPOSITE, score.compositeColor());
        }
        return colors;
    }

    /** A material change: the record, HealthScored (complete composite only) and colour events; the client points at it. */
    private static ScoreRecordRepository.NewRecord scored(ClientHealthEntity client, HealthScore score,
                                                          ScoreSummary summary, ScoreRecordRepository.Previous before,
                                                          ActiveModel model, DmiCatalog catalog, MonthlyClose lastClose,
                                                          List<BatchOutbox.Pending> events, String trigger,
                                                          EventContext context, Instant now) {
        ScoreRecordRepository.NewRecord record = record(client, score, summary, before, model, catalog, trigger,
                context, now);
        if (score.compositeComplete()) {
            events.add(new BatchOutbox.Pending(HealthEvents.scored(client.clientId, record.id(), model.id(),
                    model.version(), score, summary == null ? null : summary.scores().get(HealthModel.COMPOSITE),
                    now, trigger, record.dataAsOf()), context));
        }
        for (ScoreChange.Transition transition : ScoreChange.transitions(summary, score)) {
            int consecutiveReds = MonthlyClose.consecutiveReds(transition.color(), lastClose, transition.dimension());
            events.add(new BatchOutbox.Pending(HealthEvents.colorChanged(client.clientId, transition, consecutiveReds,
                    record.id(), model.version()), context));
        }
        client.currentScoreId = record.id();
        client.composite = score.composite();
        client.compositeColor = score.compositeColor();
        client.scoredAt = now;
        client.dataAsOf = record.dataAsOf();
        client.updatedAt = now;
        return record;
    }

    /** Gate transitions (health.md §3.10): one event per opening, new FIX_FIRST failure and clearing. */
    private static void gates(AdoptionGates policy, DmiCatalog catalog, DmiSheet sheet, ClientHealthEntity client,
                              List<HealthAlertEntity> clientAlerts, List<HealthAlertEntity> newAlerts,
                              List<BatchOutbox.Pending> events, int modelVersion, EventContext context, Instant now) {
        Map<AdoptionGates.Kind, HealthAlertEntity> openByKind = new EnumMap<>(AdoptionGates.Kind.class);
        Map<AdoptionGates.Kind, AdoptionGates.Open> open = new EnumMap<>(AdoptionGates.Kind.class);
        List<AdoptionGates.Suppression> suppressions = new ArrayList<>();
        List<HealthAlertEntity> overridden = new ArrayList<>();
        for (HealthAlertEntity alert : clientAlerts) {
            if (!HealthAlertEntity.GATE.equals(alert.family)) {
                continue;
            }
            AdoptionGates.Kind kind = AdoptionGates.Kind.valueOf(alert.kind);
            if (HealthAlertEntity.OPEN.equals(alert.status)) {
                openByKind.put(kind, alert);
                open.put(kind, new AdoptionGates.Open(alert.id, kind, alert.openedAt, alert.details.failing().stream()
                        .map(f -> new AdoptionGates.Failing(f.insightCode(), f.coverage(), f.threshold(), f.weight()))
                        .toList()));
            } else if (alert.suppressed != null) {
                overridden.add(alert);
                suppressions.add(new AdoptionGates.Suppression(alert.id, kind, new java.util.LinkedHashSet<>(alert.suppressed.insights()),
                        alert.overrideExpiresAt));
            }
        }
        AdoptionGates.Result result = policy.evaluate(catalog, sheet, client.tier1Color, open, suppressions, now);
        client.tier1Color = result.tier1Color();
        for (HealthAlertEntity alert : overridden) {
            alert.suppressed = result.suppressions().stream().filter(s -> s.gateId().equals(alert.id)).findFirst()
                    .map(s -> new HealthAlertEntity.Suppressed(List.copyOf(s.insights()))).orElse(null);
        }
        for (AdoptionGates.Change change : result.changes()) {
            HealthAlertEntity.Details details = new HealthAlertEntity.Details(change.failing().stream()
                    .map(f -> new HealthAlertEntity.FailingValue(f.insightCode(), f.coverage(), f.threshold(), f.weight()))
                    .toList(), null, null, null, null, null, null, null, null, sheet.dataAsOf());
            switch (change.action()) {
                case OPENED -> {
                    HealthAlertEntity gate = HealthAlertEntity.open(client.tenantId, client.clientId,
                            HealthAlertEntity.GATE, change.kind().name(), change.gateId(), now, details);
                    newAlerts.add(gate);
                    events.add(new BatchOutbox.Pending(GateEvents.breached(gate, modelVersion), context));
                }
                case REBREACHED, UPDATED -> {
                    HealthAlertEntity gate = openByKind.get(change.kind());
                    gate.details = details;
                    gate.updatedAt = now;
                    if (change.emits()) {
                        events.add(new BatchOutbox.Pending(GateEvents.breached(gate, modelVersion), context));
                    }
                }
                case CLEARED -> {
                    HealthAlertEntity gate = openByKind.get(change.kind());
                    gate.clear("MEASUREMENT", now);
                    events.add(new BatchOutbox.Pending(GateEvents.cleared(gate, modelVersion), context));
                }
            }
        }
    }

    /** Backup risk transitions (health.md §3.10), in kind order. */
    private static void risks(BackupRisks policy, BackupRisks.Result backup, ClientHealthEntity client,
                              List<HealthAlertEntity> clientAlerts, List<HealthAlertEntity> newAlerts,
                              List<BatchOutbox.Pending> events, EventContext context, Instant now) {
        Map<BackupRisks.Kind, HealthAlertEntity> openByKind = new EnumMap<>(BackupRisks.Kind.class);
        Map<BackupRisks.Kind, BackupRisks.Open> open = new EnumMap<>(BackupRisks.Kind.class);
        for (HealthAlertEntity alert : clientAlerts) {
            if (HealthAlertEntity.RISK.equals(alert.family) && HealthAlertEntity.OPEN.equals(alert.status)) {
                BackupRisks.Kind kind = BackupRisks.Kind.valueOf(alert.kind);
                openByKind.put(kind, alert);
                open.put(kind, new BackupRisks.Open(alert.id, kind, alert.openedAt));
            }
        }
        for (BackupRisks.Change change : policy.evaluate(backup, open, now)) {
            HealthAlertEntity.Details values = new HealthAlertEntity.Details(null, backup.successRate(),
                    backup.windowDays(), change.threshold(), backup.jobsFailed(), backup.devicesAffected(),
                    backup.lastSuccessAt(), backup.lastRestoreTestAt(), backup.source(), backup.observedAt());
            if (change.detected()) {
                HealthAlertEntity risk = HealthAlertEntity.open(client.tenantId, client.clientId, HealthAlertEntity.RISK,
                        change.kind().name(), change.riskId(), now, values);
                newAlerts.add(risk);
                events.add(new BatchOutbox.Pending(GateEvents.riskDetected(risk), context));
            } else {
                HealthAlertEntity risk = openByKind.get(change.kind());
                risk.clear("MEASUREMENT", now);
                events.add(new BatchOutbox.Pending(GateEvents.riskCleared(risk, values), context));
            }
        }
    }

    private static ScoreRecordRepository.NewRecord record(ClientHealthEntity client, HealthScore score, ScoreSummary summary,
                                                   ScoreRecordRepository.Previous before, ActiveModel model,
                                                   DmiCatalog catalog, String trigger, EventContext context, Instant now) {
        List<ScoreBody.Marker> markers = new ArrayList<>();
        if (summary != null && summary.modelVersion() != model.version()) {
            markers.add(new ScoreBody.Marker("MODEL_CHANGED", summary.modelVersion(), model.version(), null, null));
        }
        if (summary != null && summary.catalogVersion() != catalog.version()) {
            markers.add(new ScoreBody.Marker("CATALOG_CHANGED", summary.catalogVersion(), catalog.version(), null, null));
        }
        if (summary != null && !java.util.Objects.equals(summary.segmentUsed(), score.segmentUsed())) {
            markers.add(new ScoreBody.Marker("SEGMENT_CHANGED", null, null, summary.segmentUsed(), score.segmentUsed()));
        }
        List<ScoreChange.Change> changes = ScoreChange.changes(summary, score, previousInputs(before));
        ScoreSummary next = ScoreChange.summarise(score, model.version(), catalog.version(), summary);
        List<String> refs = context.causationId() == null ? List.of() : List.of(context.causationId().toString());
        return new ScoreRecordRepository.NewRecord(UUID.randomUUID(), client.tenantId, client.clientId, now, trigger,
                model.id(), model.version(), catalog.version(), score.segmentUsed(), score.composite(),
                score.compositeColor() == null ? null : score.compositeColor().name(), score.compositeComplete(),
                score.dataAsOf() == null ? now : score.dataAsOf(),
                markers.stream().anyMatch(m -> m.type().equals("MODEL_CHANGED")),
                new ScoreBody(score.dimensions(), changes, markers, refs, score.completeDimensions(), next));
    }

    static ScoreSummary summaryOf(ScoreRecordRepository.Previous record) {
        if (record == null || record.summary() == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(record.summary(), ScoreSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score record " + record.id() + " has an unreadable summary", e);
        }
    }

    /** Sub-score and contribution per dimension and input of the previous record, for {@code changes[]}. */
    private static Map<String, Map<String, BigDecimal[]>> previousInputs(ScoreRecordRepository.Previous record) {
        Map<String, Map<String, BigDecimal[]>> result = new HashMap<>();
        if (record == null || record.dimensions() == null) {
            return result;
        }
        JsonNode dimensions;
        try {
            dimensions = EventCodec.mapper().readTree(record.dimensions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score record " + record.id() + " has unreadable dimensions", e);
        }
        for (JsonNode dimension : dimensions) {
            Map<String, BigDecimal[]> inputs = result.computeIfAbsent(dimension.path("dimension").asText(), k -> new HashMap<>());
            for (JsonNode input : dimension.path("inputs")) {
                inputs.put(input.path("key").asText(), new BigDecimal[] {decimal(input.get("subScore")),
                        decimal(input.get("contribution"))});
            }
        }
        return result;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    /** The DMI part of the model: version, materiality, margin and ADOPTION bands from the model content. */
    static DmiPolicy dmiPolicy(ActiveModel model) {
        DmiPolicy defaults = DmiPolicy.defaults();
        HealthModel content = model.content();
        Map<BandProfile, io.mspcs.health.domain.Band> bands = new EnumMap<>(BandProfile.class);
        bands.putAll(defaults.adoptionBands());
        Map<BandProfile, io.mspcs.health.domain.Band> fromModel = content.bands().get("ADOPTION");
        if (fromModel != null) {
            bands.putAll(fromModel);
        }
        return new DmiPolicy(model.version(), defaults.method(), content.na().minWeightPresent(),
                content.materialDelta(), content.colorMargin(), defaults.dropPoints(), defaults.dropWindowDays(),
                defaults.manualMaxAgeDays(), bands);
    }
}
