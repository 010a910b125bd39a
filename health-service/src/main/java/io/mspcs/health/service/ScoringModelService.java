package io.mspcs.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.domain.HealthModel;
import io.mspcs.health.domain.HealthModelRules;
import io.mspcs.health.domain.Violation;
import io.mspcs.health.repository.ScoringModelEntity;
import io.mspcs.health.repository.ScoringModelRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Versioned scoring models (health.md §2.1, §6): at most one DRAFT, exactly one PUBLISHED (the active one);
 * published content never changes. Every tenant starts on the default model, version 1, stored on first use.
 * Publishing retires the previous version and re-scores the tenant's clients in the background.
 */
@ApplicationScoped
public class ScoringModelService {

    static final String SYSTEM = "system";
    private static final int MAX_NOTE = 500;

    private final ScoringModelRepository models;
    private final RecomputeQueue recomputes;
    private final Clock clock;

    public ScoringModelService(ScoringModelRepository models, RecomputeQueue recomputes, Clock clock) {
        this.models = models;
        this.recomputes = recomputes;
        this.clock = clock;
    }

    /** What publishing answered. */
    public record Published(ScoringModelEntity model, Integer previousVersion, int rescoreQueued, List<String> warnings) {
    }

    /** The default model's id is derived from the tenant, so reads before it is stored name the same id. */
    static UUID defaultModelId(UUID tenantId) {
        return UUID.nameUUIDFromBytes(("health-model:" + tenantId + ":1").getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode defaultContent() {
        return EventCodec.mapper().valueToTree(HealthModel.defaults());
    }

    public static HealthModel contentOf(JsonNode content) {
        try {
            return EventCodec.mapper().treeToValue(content, HealthModel.class);
        } catch (JsonProcessingException e) {
            // a band with redBelow ≥ greenMin fails in Band's constructor, surfacing here
            throw ProblemException.invalid("content", e.getMessage().contains("redBelow") ? "order" : "type",
                    "content is not a valid model");
        }
    }

    /** For reads: the published model, else the default one (not stored). */
    public Uni<ActiveModel> active(UUID tenantId) {
        return models.published(tenantId).map(found -> found != null
                ? new ActiveModel(found.id, found.modelVersion, contentOf(found.content))
                : new ActiveModel(defaultModelId(tenantId), 1, HealthModel.defaults()));
    }

    /** Inside a transaction: the published model, storing the default version 1 first if the tenant has none. */
    public Uni<ActiveModel> activeForWrite(UUID tenantId, Instant at) {
        return ensureStored(tenantId, at).chain(() -> models.published(tenantId))
                .map(found -> new ActiveModel(found.id, found.modelVersion, contentOf(found.content)));
    }

    private Uni<Void> ensureStored(UUID tenantId, Instant at) {
        // ON CONFLICT: two first writes of a tenant may race; one default row wins, the other reads it.
        String sql = """
                insert into scoring_model (id, tenant_id, model_version, status, based_on_version, change_note, content,
                                           created_by, published_by, published_at, created_at, updated_at, version)
                values (:id, :tenant, 1, 'PUBLISHED', null, 'Default model', cast(cast(:content as text) as jsonb),
                        'system', 'system', :at, :at, :at, 0)
                on conflict do nothing
                """;
        return models.published(tenantId).chain(found -> found != null ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session.createNativeQuery(sql)
                        .setParameter("id", defaultModelId(tenantId))
                        .setParameter("tenant", tenantId)
                        .setParameter("content", defaultContent().toString())
                        .setParameter("at", at.atOffset(ZoneOffset.UTC))
                        .executeUpdate()).replaceWithVoid());
    }

    @WithTransaction
    public Uni<List<ScoringModelEntity>> list(UUID tenantId) {
        return ensureStored(tenantId, now()).chain(() -> models.all(tenantId));
    }

    @WithTransaction
    public Uni<ScoringModelEntity> get(UUID tenantId, int version) {
        return ensureStored(tenantId, now()).chain(() -> models.byVersion(tenantId, version)).map(ScoringModelService::found);
    }

    @WithTransaction
    public Uni<ScoringModelEntity> activeEntity(UUID tenantId) {
        return ensureStored(tenantId, now()).chain(() -> models.published(tenantId));
    }

    @WithTransaction
    public Uni<ScoringModelEntity> createDraft(UUID tenantId, Integer basedOnVersion, JsonNode content, String changeNote,
                                               String by) {
        Instant now = now();
        checkNote(changeNote, false);
        return ensureStored(tenantId, now)
                .chain(() -> models.draft(tenantId))
                .chain(existing -> {
                    if (existing != null) {
                        throw new ProblemException(409, "draft-exists", "Draft exists",
                                "Version " + existing.modelVersion + " is already a draft", List.of());
                    }
                    Uni<ScoringModelEntity> base = basedOnVersion == null ? models.published(tenantId)
                            : models.byVersion(tenantId, basedOnVersion).map(found -> {
                                if (found == null) {
                                    throw ProblemException.invalid("basedOnVersion", "unknown",
                                            "No model version " + basedOnVersion);
                                }
                                return found;
                            });
                    return base.chain(b -> models.maxVersion(tenantId).chain(max -> {
                        JsonNode merged = merged(b.content, content);
                        ScoringModelEntity draft = ScoringModelEntity.draft(tenantId, max + 1, b.modelVersion,
                                changeNote, merged, by, now);
                        return models.persist(draft);
                    }));
                });
    }

    @WithTransaction
    public Uni<ScoringModelEntity> replaceDraft(UUID tenantId, int version, JsonNode content, String changeNote) {
        checkNote(changeNote, false);
        return models.byVersion(tenantId, version).map(ScoringModelService::found).chain(model -> {
            requireDraft(model, "model-published");
            if (content != null) {
                JsonNode base = model.basedOnVersion == null ? defaultContent() : null;
                Uni<JsonNode> baseContent = base != null ? Uni.createFrom().item(base)
                        : models.byVersion(tenantId, model.basedOnVersion).map(b -> b == null ? defaultContent() : b.content);
                return baseContent.map(b -> {
                    model.content = merged(b, content);
                    if (changeNote != null) {
                        model.changeNote = changeNote;
                    }
                    model.updatedAt = now();
                    return model;
                });
            }
            if (changeNote != null) {
                model.changeNote = changeNote;
                model.updatedAt = now();
            }
            return Uni.createFrom().item(model);
        });
    }

    @WithTransaction
    public Uni<Void> discardDraft(UUID tenantId, int version) {
        return models.byVersion(tenantId, version).map(ScoringModelService::found).chain(model -> {
            requireDraft(model, "model-published");
            return models.delete(model);
        });
    }

    public Uni<Published> publish(UUID tenantId, int version, String changeNote, String by, EventContext context) {
        Instant now = now();
        checkNote(changeNote, false);
        return TenantTransactions.inTransaction(TenantScope.tenant(tenantId), () -> models.byVersion(tenantId, version).map(ScoringModelService::found)
                .chain(model -> {
                    requireDraft(model, "not-draft");
                    String note = changeNote != null ? changeNote : model.changeNote;
                    if (note == null || note.isBlank()) {
                        throw ProblemException.invalid("changeNote", "required", "A change note is required to publish");
                    }
                    return models.published(tenantId).chain(previous -> models.all(tenantId).chain(all -> {
                        List<String> warnings = new ArrayList<>();
                        String quarter = quarterOf(now);
                        boolean publishedThisQuarter = all.stream().anyMatch(m -> m.publishedAt != null
                                && !SYSTEM.equals(m.publishedBy) && quarter.equals(quarterOf(m.publishedAt)));
                        if (publishedThisQuarter) {
                            warnings.add("CHANGE_LIMIT_EXCEEDED");
                        }
                        Uni<Integer> retire = previous == null ? Uni.createFrom().item(0)
                                : models.update("status = ?1, updatedAt = ?2 where id = ?3", ScoringModelEntity.RETIRED,
                                now, previous.id);
                        return retire.chain(() -> Panache.getSession())
                                .chain(session -> previous == null ? Uni.createFrom().voidItem() : session.refresh(previous))
                                .chain(() -> {
                                    model.status = ScoringModelEntity.PUBLISHED;
                                    model.changeNote = note;
                                    model.publishedAt = now;
                                    model.publishedBy = by;
                                    model.updatedAt = now;
                                    return models.flush();
                                })
                                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                                "select count(*) from client_health where tenant_id = :tenant"
                                                        + " and registered_at is not null and coalesce(status, 'ACTIVE') <> 'CHURNED'",
                                                Long.class).setParameter("tenant", tenantId).getSingleResult()))
                                .map(count -> new Published(model, previous == null ? null : previous.modelVersion,
                                        count.intValue(), warnings));
                    }));
                }))
                .invoke(published -> recomputes.scheduleTenant(tenantId, "MODEL_PUBLISHED", context));
    }

    /** The calendar quarter of an instant (UTC), e.g. 2026-Q4: the unit of the change-frequency warnings. */
    static String quarterOf(Instant at) {
        var date = at.atOffset(ZoneOffset.UTC);
        return date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static ScoringModelEntity found(ScoringModelEntity model) {
        if (model == null) {
            throw ProblemException.notFound("Scoring model version");
        }
        return model;
    }

    private static void requireDraft(ScoringModelEntity model, String slug) {
        if (!ScoringModelEntity.DRAFT.equals(model.status)) {
            throw new ProblemException(409, slug, "not-draft".equals(slug) ? "Not a draft" : "Model published",
                    "Version " + model.modelVersion + " is " + model.status + "; published content never changes",
                    List.of());
        }
    }

    private static void checkNote(String note, boolean required) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.invalid("changeNote", "length", "changeNote has at most 500 characters");
        }
        if (required && (note == null || note.isBlank())) {
            throw ProblemException.invalid("changeNote", "required", "changeNote is required");
        }
    }

    /** The base content with the given parts merged in (objects merge key by key), checked by the save rules. */
    static JsonNode merged(JsonNode base, JsonNode patch) {
        ObjectNode result = base.deepCopy();
        if (patch != null && !patch.isNull()) {
            if (!patch.isObject()) {
                throw ProblemException.invalid("content", "type", "content must be an object");
            }
            merge(result, (ObjectNode) patch);
        }
        HealthModel model = contentOf(result);
        List<Violation> violations = HealthModelRules.check(model);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() + " field(s) invalid",
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.code())).toList());
        }
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            // weight maps are replaced whole: a partial weight map could never sum to 1
            boolean weights = field.getKey().startsWith("weights");
            if (!weights && existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
