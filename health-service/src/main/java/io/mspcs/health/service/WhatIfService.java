package io.mspcs.health.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.domain.BandProfile;
import io.mspcs.health.domain.Color;
import io.mspcs.health.domain.CoverageReading;
import io.mspcs.health.domain.DmiCalculator;
import io.mspcs.health.domain.DmiCatalog;
import io.mspcs.health.domain.DmiSheet;
import io.mspcs.health.domain.HealthCalculator;
import io.mspcs.health.domain.HealthFacts;
import io.mspcs.health.domain.HealthFactsAssembler;
import io.mspcs.health.domain.HealthModel;
import io.mspcs.health.domain.HealthScore;
import io.mspcs.health.domain.ItemProblem;
import io.mspcs.health.domain.ParsedSignal;
import io.mspcs.health.domain.ScoreSummary;
import io.mspcs.health.domain.SignalFact;
import io.mspcs.health.domain.SignalParser;
import io.mspcs.health.domain.SignalType;
import io.mspcs.health.repository.ClientHealthEntity;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.health.repository.DmiCoverageRepository;
import io.mspcs.health.repository.DmiSnapshotRepository;
import io.mspcs.health.repository.EngagementStore;
import io.mspcs.health.repository.ScoreRecordEntity;
import io.mspcs.health.repository.ScoreRecordRepository;
import io.mspcs.health.repository.ScoringModelRepository;
import io.mspcs.health.repository.SignalFacts;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What-if (health.md §6): the client's score as it would be with extra signals, under another model version (drafts
 * allowed) or another segment. Reads only: it stores nothing, takes no snapshot and emits nothing.
 */
@ApplicationScoped
public class WhatIfService {

    private static final Set<String> SEGMENTS = Set.of("A", "B", "C", "D");
    private static final String SOURCE = "what-if";

    private final ClientHealthRepository clients;
    private final DmiCoverageRepository coverages;
    private final DmiSnapshotRepository snapshots;
    private final ScoreRecordRepository records;
    private final ScoringModelRepository models;
    private final ScoringModelService activeModels;
    private final DmiCatalogService catalogs;
    private final SignalFacts facts;
    private final EngagementStore engagement;
    private final Clock clock;

    public WhatIfService(ClientHealthRepository clients, DmiCoverageRepository coverages, DmiSnapshotRepository snapshots,
                         ScoreRecordRepository records, ScoringModelRepository models, ScoringModelService activeModels,
                         DmiCatalogService catalogs, SignalFacts facts, EngagementStore engagement, Clock clock) {
        this.clients = clients;
        this.coverages = coverages;
        this.snapshots = snapshots;
        this.records = records;
        this.models = models;
        this.activeModels = activeModels;
        this.catalogs = catalogs;
        this.facts = facts;
        this.engagement = engagement;
        this.clock = clock;
    }

    /** The simulated score, the DMI sheet behind ADOPTION, and the current record to compare with (null if none). */
    public record WhatIf(int modelVersion, HealthScore score, DmiSheet sheet, ScoreRecordEntity current) {
    }

    @WithTransaction
    public Uni<WhatIf> simulate(UUID tenantId, UUID clientId, List<?> signals, Integer modelVersion, String segment) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (segment != null && !SEGMENTS.contains(segment)) {
            throw ProblemException.invalid("segment", "unknown", "segment must be A, B, C or D");
        }
        List<ParsedSignal> parsed = parse(signals == null ? List.of() : signals, clientId, now);
        return clients.findInTenant(tenantId, clientId).chain(client -> {
            if (client == null || !client.registered()) {
                throw ProblemException.notFound("Client " + clientId);
            }
            return model(tenantId, modelVersion).chain(model -> catalogs.active(tenantId).chain(catalog -> {
                refuseUnknownInsights(parsed, catalog);
                List<UUID> ids = List.of(clientId);
                return coverages.ofClients(tenantId, ids)
                        .chain(covered -> facts.of(tenantId, ids, now.minus(Duration.ofDays(HealthScoringService.FACT_DAYS)))
                                .chain(stored -> engagement.of(tenantId, ids)
                                        .chain(met -> snapshots.latest(tenantId, clientId)
                                                .chain(last -> (client.currentScoreId == null
                                                        ? Uni.createFrom().<ScoreRecordEntity>nullItem()
                                                        : records.byId(tenantId, client.currentScoreId))
                                                        .map(current -> {
                                                            Map<String, CoverageReading> readings = new HashMap<>();
                                                            covered.forEach(c -> readings.put(c.insightCode, c.toReading()));
                                                            return compute(client, model, catalog, readings,
                                                                    stored.getOrDefault(clientId, List.of()),
                                                                    met.get(clientId), last == null ? null : last.color,
                                                                    current, parsed, segment, now);
                                                        })))));
            }));
        });
    }

    private static WhatIf compute(ClientHealthEntity client, ActiveModel model, DmiCatalog catalog,
                                  Map<String, CoverageReading> readings, List<SignalFact> stored,
                                  EngagementStore.Engagement met, Color lastSnapshotColor, ScoreRecordEntity current,
                                  List<ParsedSignal> extra, String segment, Instant now) {
        List<SignalFact> signals = new ArrayList<>(stored);
        for (ParsedSignal signal : extra) {
            if (signal.coverage() != null && signal.insightCode() != null) {
                CoverageReading known = readings.get(signal.insightCode());
                // like the ingest: an older observation never overwrites the current value
                if (known == null || !signal.observedAt().isBefore(known.observedAt())) {
                    readings.put(signal.insightCode(), new CoverageReading(signal.insightCode(), signal.coverage(),
                            signal.observedAt(), SOURCE));
                }
            }
            if (!signal.type().coverageForm()) {
                signals.add(new SignalFact(SOURCE + "-" + signal.index(), SOURCE, signal.type().name(),
                        signal.eventTime(), signal.observedAt(), now, signal.values()));
            }
        }
        BandProfile profile = segment != null ? BandProfile.of(segment, false) : client.bandProfile();
        ScoreSummary summary = summaryOf(current);
        Map<String, Color> lastColors = summary == null ? Map.of() : summary.lastColors();
        Color adoptionFrom = lastColors.containsKey("ADOPTION") ? lastColors.get("ADOPTION") : lastSnapshotColor;
        DmiSheet sheet = new DmiCalculator(HealthScoringService.dmiPolicy(model))
                .calculate(catalog, readings, profile, adoptionFrom, now);
        HealthFacts clientFacts = HealthFactsAssembler.assemble(client.registeredAt, signals,
                met == null ? List.of() : met.meetings(), met == null ? List.of() : met.misses(),
                met == null ? List.of() : met.proposals());
        HealthScore score = new HealthCalculator(model.content()).calculate(sheet, clientFacts, profile, lastColors, now);
        return new WhatIf(model.version(), score, sheet, current);
    }

    /** The asked version (a draft too), else the active one; nothing is stored for a tenant still on the default. */
    private Uni<ActiveModel> model(UUID tenantId, Integer version) {
        if (version == null) {
            return activeModels.active(tenantId);
        }
        return models.byVersion(tenantId, version).map(found -> {
            if (found != null) {
                return new ActiveModel(found.id, found.modelVersion, ScoringModelService.contentOf(found.content));
            }
            if (version == 1) {
                return new ActiveModel(ScoringModelService.defaultModelId(tenantId), 1, HealthModel.defaults());
            }
            throw ProblemException.notFound("Scoring model version " + version);
        });
    }

    /** Items are bulk-shaped; clientId and externalId may be left out. One bad item refuses the call. */
    private static List<ParsedSignal> parse(List<?> signals, UUID clientId, Instant now) {
        List<ParsedSignal> parsed = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            Object raw = signals.get(i);
            Object item = raw;
            if (raw instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, value) -> copy.put(String.valueOf(key), value));
                copy.remove("client");
                copy.put("clientId", clientId.toString());
                copy.putIfAbsent("externalId", SOURCE + "-" + i);
                copy.putIfAbsent("observedAt", now.toString());
                item = copy;
            }
            SignalParser.Result result = SignalParser.parse(i, item, now);
            if (result.problem() != null) {
                throw ObservationService.problem(renamed(result.problem()));
            }
            parsed.add(result.signal());
        }
        return parsed;
    }

    /** The request names its list {@code signals}, not {@code items}. */
    private static ItemProblem renamed(ItemProblem problem) {
        return new ItemProblem(problem.index(), problem.status(), problem.slug(), problem.title(),
                problem.errors().stream().map(v -> new io.mspcs.health.domain.Violation(
                        v.field().replaceFirst("^items\\[", "signals["), v.code())).toList());
    }

    private static void refuseUnknownInsights(List<ParsedSignal> parsed, DmiCatalog catalog) {
        for (ParsedSignal signal : parsed) {
            if (signal.type() == SignalType.INSIGHT_COVERAGE && catalog.activeInsight(signal.insightCode()).isEmpty()) {
                throw ObservationService.problem(renamed(ItemProblem.unknownInsight(signal.index())));
            }
        }
    }

    /** The change-detection summary of the stored record (the re-score reads it as text; here the entity is at hand). */
    private static ScoreSummary summaryOf(ScoreRecordEntity record) {
        JsonNode summary = record == null || record.body == null ? null : record.body.get("summary");
        return summary == null || summary.isNull() ? null : EventCodec.mapper().convertValue(summary, ScoreSummary.class);
    }
}
