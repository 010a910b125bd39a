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
import io.mspcs.health.domain.HealthCalculator;
import io.mspcs.health.domain.HealthFacts;
import io.mspcs.health.domain.HealthFactsAssembler;
import io.mspcs.health.domain.HealthModel;
import io.mspcs.health.domain.HealthScore;
import io.mspcs.health.domain.ScoreChange;
import io.mspcs.health.domain.ScoreSummary;
import io.mspcs.health.domain.SignalFact;
import io.mspcs.health.messaging.DmiEvents;
import io.mspcs.health.messaging.HealthEvents;
import io.mspcs.health.repository.BatchOutbox;
import io.mspcs.health.repository.ClientHealthEntity;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.health.repository.DmiCoverageEntity;
import io.mspcs.health.repository.DmiCoverageRepository;
import io.mspcs.health.repository.DmiSnapshotEntity;
import io.mspcs.health.repository.DmiSnapshotRepository;
import io.mspcs.health.repository.EngagementStore;
import io.mspcs.health.repository.ScoreRecordEntity;
import io.mspcs.health.repository.ScoreRecordRepository;
import io.mspcs.health.repository.SignalFacts;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Uni;
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

    private final ClientHealthRepository clients;
    private final DmiCoverageRepository coverages;
    private final DmiSnapshotRepository snapshots;
    private final ScoreRecordRepository records;
    private final SignalFacts facts;
    private final EngagementStore engagementStore;
    private final DmiCatalogService catalogs;
    private final ScoringModelService models;
    private final BatchOutbox outbox;
    private final Clock clock;

    public HealthScoringService(ClientHealthRepository clients, DmiCoverageRepository coverages,
                                DmiSnapshotRepository snapshots, ScoreRecordRepository records, SignalFacts facts,
                                EngagementStore engagementStore,
                                DmiCatalogService catalogs, ScoringModelService models, BatchOutbox outbox, Clock clock) {
        this.clients = clients;
        this.coverages = coverages;
        this.snapshots = snapshots;
        this.records = records;
        this.facts = facts;
        this.engagementStore = engagementStore;
        this.catalogs = catalogs;
        this.models = models;
        this.outbox = outbox;
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
        return clients.lockMany(tenantId, clientIds).chain(locked -> {
            List<ClientHealthEntity> scorable = new ArrayList<>();
            for (ClientHealthEntity client : locked) {
                client.dirtyAt = null;
                // churned clients keep their signals, but scoring stays paused (health.md §4)
                if (client.registered() && client.status != ClientStatus.CHURNED) {
                    scorable.add(client);
                }
            }
            if (scorable.isEmpty()) {
                return Uni.createFrom().item(new Outcome(0, 0, 0));
            }
            List<UUID> ids = scorable.stream().map(c -> c.clientId).toList();
            List<UUID> previousIds = scorable.stream().map(c -> c.currentScoreId).filter(java.util.Objects::nonNull).toList();
            return models.activeForWrite(tenantId, now).chain(model -> catalogs.activeForWrite(tenantId, now)
                    .chain(catalog -> coverages.ofClients(tenantId, ids)
                            .chain(covered -> facts.of(tenantId, ids, now.minus(Duration.ofDays(FACT_DAYS)))
                                    .chain(signals -> engagementStore.of(tenantId, ids)
                                    .chain(engagement -> records.byIds(tenantId, previousIds)
                                            .chain(previous -> snapshots.latestOf(tenantId, ids)
                                                    .chain(latest -> snapshots.sinceOf(tenantId, ids,
                                                                    now.minus(Duration.ofDays(90)))
                                                            .chain(recent -> write(scorable, model, catalog, covered,
                                                                    signals, engagement, previous, latest, recent,
                                                                    trigger, context, now)))))))));
        });
    }

    private Uni<Outcome> write(List<ClientHealthEntity> scorable, ActiveModel model, DmiCatalog catalog,
                               List<DmiCoverageEntity> covered, Map<UUID, List<SignalFact>> signals,
                               Map<UUID, EngagementStore.Engagement> engagement, List<ScoreRecordEntity> previous, List<DmiSnapshotEntity> latest,
                               List<DmiSnapshotEntity> recent, String trigger, EventContext context, Instant now) {
        Map<UUID, Map<String, CoverageReading>> readings = new HashMap<>();
        covered.forEach(c -> readings.computeIfAbsent(c.clientId, k -> new HashMap<>()).put(c.insightCode, c.toReading()));
        Map<UUID, ScoreRecordEntity> previousById = new HashMap<>();
        previous.forEach(r -> previousById.put(r.id, r));
        Map<UUID, DmiSnapshotEntity> latestByClient = new HashMap<>();
        latest.forEach(s -> latestByClient.put(s.clientId, s));
        Map<UUID, List<DmiSnapshotEntity>> recentByClient = new HashMap<>();
        recent.forEach(s -> recentByClient.computeIfAbsent(s.clientId, k -> new ArrayList<>()).add(s));

        DmiPolicy dmiPolicy = dmiPolicy(model);
        DmiCalculator dmiCalculator = new DmiCalculator(dmiPolicy);
        DmiSnapshotPolicy snapshotPolicy = new DmiSnapshotPolicy(dmiPolicy);
        HealthCalculator calculator = new HealthCalculator(model.content());

        List<DmiSnapshotEntity> newSnapshots = new ArrayList<>();
        List<ScoreRecordEntity> newRecords = new ArrayList<>();
        List<BatchOutbox.Pending> events = new ArrayList<>();
        for (ClientHealthEntity client : scorable) {
            ScoreRecordEntity before = client.currentScoreId == null ? null : previousById.get(client.currentScoreId);
            ScoreSummary summary = summaryOf(before);
            Map<String, Color> lastColors = summary == null ? Map.of() : summary.lastColors();
            BandProfile profile = client.bandProfile();
            DmiSnapshotEntity last = latestByClient.get(client.clientId);
            Color adoptionFrom = lastColors.containsKey("ADOPTION") ? lastColors.get("ADOPTION")
                    : last == null ? null : last.color;
            DmiSheet sheet = dmiCalculator.calculate(catalog, readings.getOrDefault(client.clientId, Map.of()), profile,
                    adoptionFrom, now);

            var plan = snapshotPolicy.interim(sheet, client.dmiComplete, last == null ? null : last.toPoint(),
                    recentByClient.getOrDefault(client.clientId, List.of()).stream().map(DmiSnapshotEntity::toPoint).toList(),
                    now);
            client.recordDmiCompleteness(sheet.complete(), now);
            if (plan.isPresent()) {
                DmiSnapshotEntity snapshot = DmiSnapshotEntity.take(client.tenantId, client.clientId,
                        last == null ? 1 : last.seq + 1, plan.get(), sheet, client.segment, model.version(), now);
                newSnapshots.add(snapshot);
                events.add(new BatchOutbox.Pending(DmiEvents.measured(snapshot), context));
                if (snapshot.dropped) {
                    events.add(new BatchOutbox.Pending(DmiEvents.dropped(snapshot, snapshotPolicy.dropThreshold()), context));
                }
            }

            EngagementStore.Engagement met = engagement.get(client.clientId);
            HealthFacts clientFacts = HealthFactsAssembler.assemble(client.registeredAt,
                    signals.getOrDefault(client.clientId, List.of()), met == null ? List.of() : met.meetings(),
                    met == null ? List.of() : met.misses(), met == null ? List.of() : met.proposals());
            HealthScore score = calculator.calculate(sheet, clientFacts, profile, lastColors, now);
            if (!ScoreChange.material(summary, score, model.version(), catalog.version(),
                    model.content().materialDelta())) {
                continue;
            }
            ScoreRecordEntity record = record(client, score, summary, before, model, catalog, trigger, context, now);
            newRecords.add(record);
            if (score.compositeComplete()) {
                events.add(new BatchOutbox.Pending(HealthEvents.scored(client.clientId, record.id, model.id(),
                        model.version(), score, summary == null ? null : summary.scores().get(HealthModel.COMPOSITE),
                        now, trigger, record.dataAsOf), context));
            }
            for (ScoreChange.Transition transition : ScoreChange.transitions(summary, score)) {
                events.add(new BatchOutbox.Pending(HealthEvents.colorChanged(client.clientId, transition, record.id,
                        model.version()), context));
            }
            client.currentScoreId = record.id;
            client.composite = score.composite();
            client.compositeColor = score.compositeColor();
            client.scoredAt = now;
            client.dataAsOf = record.dataAsOf;
            client.updatedAt = now;
        }
        Outcome outcome = new Outcome(scorable.size(), newRecords.size(), events.size());
        Uni<Void> persistSnapshots = newSnapshots.isEmpty() ? Uni.createFrom().voidItem() : snapshots.persist(newSnapshots);
        Uni<Void> persistRecords = newRecords.isEmpty() ? Uni.createFrom().voidItem() : records.persist(newRecords);
        return persistSnapshots.chain(() -> persistRecords).chain(() -> outbox.append(events)).replaceWith(outcome);
    }

    private ScoreRecordEntity record(ClientHealthEntity client, HealthScore score, ScoreSummary summary,
                                     ScoreRecordEntity before, ActiveModel model, DmiCatalog catalog, String trigger,
                                     EventContext context, Instant now) {
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
        ScoreRecordEntity record = new ScoreRecordEntity();
        record.id = UUID.randomUUID();
        record.tenantId = client.tenantId;
        record.clientId = client.clientId;
        record.computedAt = now;
        record.trigger = trigger;
        record.modelId = model.id();
        record.modelVersion = model.version();
        record.catalogVersion = catalog.version();
        record.segmentUsed = score.segmentUsed();
        record.composite = score.composite();
        record.compositeColor = score.compositeColor();
        record.compositeComplete = score.compositeComplete();
        record.dataAsOf = score.dataAsOf() == null ? now : score.dataAsOf();
        record.modelChanged = markers.stream().anyMatch(m -> m.type().equals("MODEL_CHANGED"));
        record.body = EventCodec.mapper().valueToTree(new ScoreBody(score.dimensions(), changes, markers, refs,
                score.completeDimensions(), next));
        record.createdAt = now;
        record.updatedAt = now;
        return record;
    }

    static ScoreSummary summaryOf(ScoreRecordEntity record) {
        if (record == null || record.body == null || record.body.get("summary") == null) {
            return null;
        }
        try {
            return EventCodec.mapper().treeToValue(record.body.get("summary"), ScoreSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score record " + record.id + " has an unreadable summary", e);
        }
    }

    /** Sub-score and contribution per dimension and input of the previous record, for {@code changes[]}. */
    private static Map<String, Map<String, BigDecimal[]>> previousInputs(ScoreRecordEntity record) {
        Map<String, Map<String, BigDecimal[]>> result = new HashMap<>();
        if (record == null || record.body == null || record.body.get("dimensions") == null) {
            return result;
        }
        for (JsonNode dimension : record.body.get("dimensions")) {
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
