package io.mspcs.health.service;

import io.mspcs.health.domain.CatalogRules;
import io.mspcs.health.domain.Insight;
import io.mspcs.health.domain.Violation;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.health.repository.DmiCatalogEntity;
import io.mspcs.health.repository.DmiCatalogRepository;
import io.mspcs.health.repository.DmiInsightEntity;
import io.mspcs.health.repository.DmiInsightRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * DMI catalogue versions (health.md §2.2, §6): the same lifecycle as scoring models — at most one DRAFT, exactly one
 * PUBLISHED (active); published versions never change. Publishing retires the previous version and re-scores the
 * tenant's clients in the background (trigger MODEL_PUBLISHED; records mark CATALOG_CHANGED).
 */
@ApplicationScoped
public class DmiCatalogVersionService {

    static final String CHANGE_LIMIT = "CHANGE_LIMIT_EXCEEDED";
    private static final int QUARTER_LIMIT = 2;
    private static final int MAX_NOTE = 500;

    private final DmiCatalogRepository catalogs;
    private final DmiInsightRepository insights;
    private final DmiCatalogService activeCatalogs;
    private final ClientHealthRepository clients;
    private final RecomputeQueue recomputes;
    private final Clock clock;

    public DmiCatalogVersionService(DmiCatalogRepository catalogs, DmiInsightRepository insights,
                                    DmiCatalogService activeCatalogs, ClientHealthRepository clients,
                                    RecomputeQueue recomputes, Clock clock) {
        this.catalogs = catalogs;
        this.insights = insights;
        this.activeCatalogs = activeCatalogs;
        this.clients = clients;
        this.recomputes = recomputes;
        this.clock = clock;
    }

    /** A version with its insights in display order. */
    public record Version(DmiCatalogEntity catalog, List<Insight> insights) {
    }

    public record Published(Version version, Integer previousVersion, int insightChanges, int rescoreQueued,
                            List<String> warnings) {
    }

    @WithTransaction
    public Uni<Version> active(UUID tenantId) {
        return stored(tenantId).chain(() -> catalogs.entityWithStatus(tenantId, DmiCatalogEntity.PUBLISHED))
                .chain(this::withInsights);
    }

    /** Newest first, without their insights. */
    @WithTransaction
    public Uni<List<DmiCatalogEntity>> versions(UUID tenantId) {
        return stored(tenantId).chain(() -> catalogs.all(tenantId));
    }

    @WithTransaction
    public Uni<Version> version(UUID tenantId, int catalogVersion) {
        return stored(tenantId).chain(() -> catalogs.byVersion(tenantId, catalogVersion))
                .map(found -> found(found, "DMI catalogue version " + catalogVersion))
                .chain(this::withInsights);
    }

    @WithTransaction
    public Uni<Version> draft(UUID tenantId) {
        return draftEntity(tenantId).chain(this::withInsights);
    }

    /** Creates or replaces the draft: from {@code basedOnVersion} (default: the active one) or a full list. */
    @WithTransaction
    public Uni<Version> putDraft(UUID tenantId, Integer basedOnVersion, List<CatalogRules.Draft> list, String by) {
        Instant now = now();
        if (basedOnVersion != null && list != null) {
            throw ProblemException.invalid("basedOnVersion", "one-of", "give basedOnVersion or insights, not both");
        }
        List<Insight> given = list == null ? null : checkedList(list);
        return stored(tenantId)
                .chain(() -> basedOnVersion != null ? catalogs.byVersion(tenantId, basedOnVersion).map(found -> {
                    if (found == null) {
                        throw ProblemException.invalid("basedOnVersion", "unknown", "No catalogue version " + basedOnVersion);
                    }
                    return found;
                }) : catalogs.entityWithStatus(tenantId, DmiCatalogEntity.PUBLISHED))
                .chain(base -> (given != null ? Uni.createFrom().item(given) : insightsOf(base))
                        .chain(content -> catalogs.entityWithStatus(tenantId, DmiCatalogEntity.DRAFT).chain(existing -> {
                            Integer basedOn = given != null ? null : base.catalogVersion;
                            Uni<DmiCatalogEntity> draft = existing != null
                                    ? insights.deleteOfCatalog(tenantId, existing.id).map(deleted -> {
                                        existing.basedOnVersion = basedOn;
                                        existing.updatedAt = now;
                                        return existing;
                                    })
                                    : catalogs.maxVersion(tenantId).chain(max -> catalogs.persist(
                                            DmiCatalogEntity.draft(tenantId, max + 1, basedOn, by, now)));
                            return draft.chain(d -> insights.persist(IntStream.range(0, content.size())
                                            .mapToObj(i -> DmiInsightEntity.of(tenantId, d.id, i, content.get(i), now)))
                                    .replaceWith(new Version(d, content)));
                        })));
    }

    @WithTransaction
    public Uni<Void> discardDraft(UUID tenantId) {
        return draftEntity(tenantId).chain(draft -> insights.deleteOfCatalog(tenantId, draft.id)
                .chain(() -> catalogs.delete(draft)));
    }

    @WithTransaction
    public Uni<Insight> addInsight(UUID tenantId, CatalogRules.Draft given) {
        Insight insight = checked(given);
        return draftEntity(tenantId).chain(draft -> insights.ofCatalog(tenantId, draft.id).chain(rows -> {
            if (rows.stream().anyMatch(r -> r.code.equals(insight.code()))) {
                throw new ProblemException(409, "insight-exists", "Insight exists",
                        insight.code() + " is already in the draft; replace it with PUT", List.of());
            }
            List<Insight> next = new ArrayList<>(rows.stream().map(DmiInsightEntity::toInsight).toList());
            next.add(insight);
            checkVersion(next);
            int position = rows.stream().mapToInt(r -> r.position).max().orElse(-1) + 1;
            draft.updatedAt = now();
            return insights.persist(DmiInsightEntity.of(tenantId, draft.id, position, insight, now())).replaceWith(insight);
        }));
    }

    @WithTransaction
    public Uni<Insight> replaceInsight(UUID tenantId, String code, CatalogRules.Draft given) {
        if (given != null && given.code() != null && !given.code().equals(code)) {
            throw ProblemException.invalid("code", "mismatch", "the body's code must be the path's " + code);
        }
        Insight insight = checked(given == null ? null : new CatalogRules.Draft(code, given.name(), given.definition(),
                given.dataSource(), given.category(), given.weight(), given.target(), given.tier(),
                given.gateThreshold(), given.signalType(), given.active()));
        return draftEntity(tenantId).chain(draft -> insights.ofCatalog(tenantId, draft.id).map(rows -> {
            DmiInsightEntity row = rows.stream().filter(r -> r.code.equals(code)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Insight " + code + " of the draft"));
            checkVersion(rows.stream().map(r -> r == row ? insight : r.toInsight()).toList());
            row.apply(insight, now());
            draft.updatedAt = now();
            return insight;
        }));
    }

    @WithTransaction
    public Uni<Void> removeInsight(UUID tenantId, String code) {
        return draftEntity(tenantId).chain(draft -> insights.ofCatalog(tenantId, draft.id).chain(rows -> {
            DmiInsightEntity row = rows.stream().filter(r -> r.code.equals(code)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Insight " + code + " of the draft"));
            draft.updatedAt = now();
            return insights.delete(row);
        }));
    }

    public Uni<Published> publish(UUID tenantId, String changeNote, String by, EventContext context) {
        if (changeNote == null || changeNote.isBlank()) {
            throw ProblemException.invalid("changeNote", "required", "A change note is required to publish");
        }
        if (changeNote.length() > MAX_NOTE) {
            throw ProblemException.invalid("changeNote", "length", "changeNote has at most 500 characters");
        }
        Instant now = now();
        return TenantTransactions.inTransaction(TenantScope.tenant(tenantId), () -> stored(tenantId)
                        .chain(() -> draftEntity(tenantId))
                        .chain(draft -> insightsOf(draft).chain(next -> {
                            if (next.stream().noneMatch(Insight::active)) {
                                throw ProblemException.invalid("insights", "required",
                                        "a catalogue needs at least one active insight");
                            }
                            return catalogs.entityWithStatus(tenantId, DmiCatalogEntity.PUBLISHED)
                                    .chain(previous -> insightsOf(previous).chain(before -> catalogs.all(tenantId)
                                            .chain(all -> {
                                                int changes = CatalogRules.changes(before, next);
                                                List<String> warnings = warnings(all, changes, now);
                                                return catalogs.update("status = ?1, updatedAt = ?2 where id = ?3",
                                                                DmiCatalogEntity.RETIRED, now, previous.id)
                                                        .chain(() -> Panache.getSession())
                                                        .chain(session -> session.refresh(previous))
                                                        .chain(() -> {
                                                            draft.status = DmiCatalogEntity.PUBLISHED;
                                                            draft.changeNote = changeNote;
                                                            draft.publishedAt = now;
                                                            draft.publishedBy = by;
                                                            draft.insightChanges = changes;
                                                            draft.updatedAt = now;
                                                            return catalogs.flush();
                                                        })
                                                        .chain(() -> clients.activeIds(tenantId))
                                                        .map(active -> new Published(new Version(draft, next),
                                                                previous.catalogVersion, changes, active.size(),
                                                                warnings));
                                            })));
                        })))
                .invoke(published -> recomputes.scheduleTenant(tenantId, "MODEL_PUBLISHED", context));
    }

    /** More than 2 insight changes published in the calendar quarter: a warning, not a block (health.md §2.2). */
    private static List<String> warnings(List<DmiCatalogEntity> all, int changes, Instant now) {
        String quarter = ScoringModelService.quarterOf(now);
        int earlier = all.stream().filter(c -> c.publishedAt != null && c.insightChanges != null
                        && !DmiCatalogService.SYSTEM.equals(c.publishedBy) && quarter.equals(ScoringModelService.quarterOf(c.publishedAt)))
                .mapToInt(c -> c.insightChanges).sum();
        return earlier + changes > QUARTER_LIMIT ? List.of(CHANGE_LIMIT) : List.of();
    }

    /** Every tenant's catalogue history starts with the default version 1, stored on first use. */
    private Uni<Void> stored(UUID tenantId) {
        return activeCatalogs.activeForWrite(tenantId, now()).replaceWithVoid();
    }

    private Uni<DmiCatalogEntity> draftEntity(UUID tenantId) {
        return catalogs.entityWithStatus(tenantId, DmiCatalogEntity.DRAFT)
                .map(found -> found(found, "DMI catalogue draft"));
    }

    private Uni<Version> withInsights(DmiCatalogEntity catalog) {
        return insightsOf(catalog).map(list -> new Version(catalog, list));
    }

    private Uni<List<Insight>> insightsOf(DmiCatalogEntity catalog) {
        return insights.ofCatalog(catalog.tenantId, catalog.id)
                .map(rows -> rows.stream().map(DmiInsightEntity::toInsight).toList());
    }

    private static Insight checked(CatalogRules.Draft given) {
        List<Violation> violations = CatalogRules.check(given, "");
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return given.toInsight();
    }

    private static List<Insight> checkedList(List<CatalogRules.Draft> list) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            violations.addAll(CatalogRules.check(list.get(i), "insights[" + i + "]."));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        List<Insight> content = list.stream().map(CatalogRules.Draft::toInsight).toList();
        checkVersion(content);
        return content;
    }

    private static void checkVersion(List<Insight> content) {
        List<Violation> violations = CatalogRules.checkVersion(content);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        if (CatalogRules.overLimit(content)) {
            throw new ProblemException(422, "catalog-limit-exceeded", "Catalogue limit exceeded",
                    "At most " + CatalogRules.MAX_ACTIVE + " active insights", List.of(new Problem.FieldError("insights", "max")));
        }
    }

    private static ProblemException invalid(List<Violation> violations) {
        return ProblemException.invalid(violations.size() + " field(s) invalid",
                violations.stream().map(v -> new Problem.FieldError(v.field(), v.code())).toList());
    }

    private static <T> T found(T value, String what) {
        if (value == null) {
            throw ProblemException.notFound(what);
        }
        return value;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
