package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.PlaybookCatalogue;
import io.mspcs.cadence.domain.PlaybookTemplate;
import io.mspcs.cadence.domain.TemplateDocument;
import io.mspcs.cadence.repository.PlaybookRepositories;
import io.mspcs.cadence.repository.PlaybookTemplateEntity;
import io.mspcs.contracts.EventCodec;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Template management (cadence.md §6.1, §8.4): a new template is draft version 1; editing is a draft that publishes
 * as N+1 (the previous published version becomes SUPERSEDED); published versions never change; RETIRED starts no
 * runs. The seeded catalogue is every tenant's version 1 and is stored only once the tenant retires it. Runs copy
 * their tasks at start and keep their version, so none of this changes a running run.
 */
@ApplicationScoped
public class PlaybookTemplateService {

    /** A template version with its life-cycle status. */
    public record Versioned(PlaybookTemplate template, String status) {
    }

    /** The latest published (or retired) version and the draft of a key; either may be null. */
    public record Current(Versioned published, Versioned draft) {
    }

    private final PlaybookRepositories.Templates templates;
    private final Clock clock;

    public PlaybookTemplateService(PlaybookRepositories.Templates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<List<Current>> all(UUID tenantId) {
        return templates.ofTenant(tenantId).map(rows -> {
            Map<String, List<PlaybookTemplateEntity>> byKey = new LinkedHashMap<>();
            PlaybookCatalogue.all().forEach(t -> byKey.put(t.key(), new ArrayList<>()));
            rows.forEach(row -> byKey.computeIfAbsent(row.templateKey, k -> new ArrayList<>()).add(row));
            return byKey.entrySet().stream().map(e -> current(e.getKey(), e.getValue())).toList();
        });
    }

    @WithTransaction
    public Uni<Current> get(UUID tenantId, String key) {
        return templates.versionsOf(tenantId, key).map(rows -> {
            Current current = current(key, rows);
            if (current.published() == null && current.draft() == null) {
                throw ProblemException.notFound("Playbook " + key);
            }
            return current;
        });
    }

    @WithTransaction
    public Uni<Versioned> version(UUID tenantId, String key, int version) {
        return templates.versionsOf(tenantId, key).map(rows -> versionOf(key, rows, version)
                .orElseThrow(() -> ProblemException.notFound("Playbook " + key + " version " + version)));
    }

    /**
     * The version a new run starts with: the latest published one; null when the template is retired (§6.1: it
     * starts no runs, so a rule's CTA opens without one).
     */
    public Uni<PlaybookTemplate> forNewRun(UUID tenantId, String key) {
        return templates.versionsOf(tenantId, key).map(rows -> {
            Versioned published = current(key, rows).published();
            if (published == null) {
                throw ProblemException.invalid("templateKey", "unknown-value", "no template " + key);
            }
            return PlaybookTemplateEntity.RETIRED.equals(published.status()) ? null : published.template();
        });
    }

    /** A run started by hand on a retired template is refused. */
    public static ProblemException retired(String key) {
        return transition("template " + key + " is retired and starts no runs");
    }

    /** The version a run started with (its cascade reads that version's offsets and dependencies). */
    public Uni<PlaybookTemplate> ofRun(UUID tenantId, String key, int version) {
        return templates.versionsOf(tenantId, key).map(rows -> versionOf(key, rows, version)
                .map(Versioned::template).orElseThrow(() -> new IllegalStateException(
                        "template " + key + " version " + version + " is gone")));
    }

    @WithTransaction
    public Uni<Versioned> create(UUID tenantId, String key, TemplateDocument document) {
        if (key == null || !key.matches("[a-z][a-z0-9-]{1,59}")) {
            throw ProblemException.invalid("key", "pattern", "a template key is 2-60 lower-case letters, digits, -");
        }
        PlaybookTemplate template = check(key, 1, document);
        return templates.versionsOf(tenantId, key).chain(rows -> {
            if (!rows.isEmpty() || PlaybookCatalogue.seeded(key).isPresent()) {
                throw transition("template " + key + " exists; save a draft of it instead");
            }
            return templates.persist(row(tenantId, key, 1, PlaybookTemplateEntity.DRAFT, document))
                    .replaceWith(new Versioned(template, PlaybookTemplateEntity.DRAFT));
        });
    }

    /** Saves the key's draft: the one there is, or a new one numbered after the newest version. */
    @WithTransaction
    public Uni<Versioned> saveDraft(UUID tenantId, String key, TemplateDocument document) {
        return templates.versionsOf(tenantId, key).chain(rows -> {
            Current current = current(key, rows);
            if (current.published() == null && current.draft() == null) {
                throw ProblemException.notFound("Playbook " + key);
            }
            Optional<PlaybookTemplateEntity> draft = draftOf(rows);
            int number = draft.map(d -> d.templateVersion).orElse(current.published().template().version() + 1);
            PlaybookTemplate template = check(key, number, document);
            if (draft.isPresent()) {
                draft.get().document = write(document);
                draft.get().updatedAt = now();
                return Uni.createFrom().item(new Versioned(template, PlaybookTemplateEntity.DRAFT));
            }
            return templates.persist(row(tenantId, key, number, PlaybookTemplateEntity.DRAFT, document))
                    .replaceWith(new Versioned(template, PlaybookTemplateEntity.DRAFT));
        });
    }

    @WithTransaction
    public Uni<Void> discardDraft(UUID tenantId, String key) {
        return templates.versionsOf(tenantId, key).chain(rows -> draftOf(rows)
                .map(draft -> templates.delete(draft))
                .orElseThrow(() -> ProblemException.notFound("Draft of playbook " + key)));
    }

    /** Draft → published N+1; the previous published version is SUPERSEDED (runs on it keep it). */
    @WithTransaction
    public Uni<Versioned> publish(UUID tenantId, String key) {
        return templates.versionsOf(tenantId, key).chain(rows -> {
            PlaybookTemplateEntity draft = draftOf(rows).orElseThrow(() -> transition("playbook " + key + " has no draft"));
            Instant now = now();
            rows.stream().filter(r -> PlaybookTemplateEntity.PUBLISHED.equals(r.status)).forEach(r -> {
                r.status = PlaybookTemplateEntity.SUPERSEDED;
                r.updatedAt = now;
            });
            draft.status = PlaybookTemplateEntity.PUBLISHED;
            draft.publishedAt = now;
            draft.updatedAt = now;
            return Uni.createFrom().item(new Versioned(read(key, draft), draft.status));
        });
    }

    /** The latest published version stops starting runs; running runs go on. */
    @WithTransaction
    public Uni<Versioned> retire(UUID tenantId, String key) {
        return templates.versionsOf(tenantId, key).chain(rows -> {
            Versioned published = current(key, rows).published();
            if (published == null) {
                throw transition("playbook " + key + " was never published");
            }
            if (PlaybookTemplateEntity.RETIRED.equals(published.status())) {
                return Uni.createFrom().item(published);
            }
            Instant now = now();
            Optional<PlaybookTemplateEntity> stored = rows.stream()
                    .filter(r -> PlaybookTemplateEntity.PUBLISHED.equals(r.status)).findFirst();
            if (stored.isPresent()) {
                stored.get().status = PlaybookTemplateEntity.RETIRED;
                stored.get().updatedAt = now;
                return Uni.createFrom().item(new Versioned(published.template(), PlaybookTemplateEntity.RETIRED));
            }
            // The seeded version 1 is stored the moment the tenant retires it.
            PlaybookTemplateEntity seeded = row(tenantId, key, 1, PlaybookTemplateEntity.RETIRED,
                    TemplateDocument.of(published.template()));
            seeded.publishedAt = now;
            return templates.persist(seeded)
                    .replaceWith(new Versioned(published.template(), PlaybookTemplateEntity.RETIRED));
        });
    }

    /** Only a template never published may be deleted (409 {@code template-published}: retire it instead). */
    @WithTransaction
    public Uni<Void> delete(UUID tenantId, String key) {
        return templates.versionsOf(tenantId, key).chain(rows -> {
            boolean published = PlaybookCatalogue.seeded(key).isPresent()
                    || rows.stream().anyMatch(r -> !PlaybookTemplateEntity.DRAFT.equals(r.status));
            if (published) {
                throw new ProblemException(409, "template-published", "Template published",
                        "playbook " + key + " was published; retire it instead", List.of());
            }
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Playbook " + key);
            }
            return templates.delete("tenantId = ?1 and templateKey = ?2", tenantId, key).replaceWithVoid();
        });
    }

    private Current current(String key, List<PlaybookTemplateEntity> rows) {
        Versioned draft = draftOf(rows).map(r -> new Versioned(read(key, r), r.status)).orElse(null);
        Versioned published = rows.stream().filter(r -> !PlaybookTemplateEntity.DRAFT.equals(r.status)).findFirst()
                .map(r -> new Versioned(read(key, r), r.status))
                .or(() -> PlaybookCatalogue.seeded(key).map(t -> new Versioned(t, PlaybookTemplateEntity.PUBLISHED)))
                .orElse(null);
        return new Current(published, draft);
    }

    private Optional<Versioned> versionOf(String key, List<PlaybookTemplateEntity> rows, int version) {
        Optional<Versioned> stored = rows.stream().filter(r -> r.templateVersion == version).findFirst()
                .map(r -> new Versioned(read(key, r), r.status));
        if (stored.isPresent() || version != 1) {
            return stored;
        }
        boolean later = rows.stream().anyMatch(r -> !PlaybookTemplateEntity.DRAFT.equals(r.status));
        return PlaybookCatalogue.seeded(key).map(t -> new Versioned(t,
                later ? PlaybookTemplateEntity.SUPERSEDED : PlaybookTemplateEntity.PUBLISHED));
    }

    private static Optional<PlaybookTemplateEntity> draftOf(List<PlaybookTemplateEntity> rows) {
        return rows.stream().filter(r -> PlaybookTemplateEntity.DRAFT.equals(r.status)).findFirst();
    }

    private static PlaybookTemplate check(String key, int version, TemplateDocument document) {
        try {
            return document.toTemplate(key, version);
        } catch (TemplateDocument.Invalid invalid) {
            if (invalid.slug().equals("dependency-cycle")) {
                throw new ProblemException(400, "dependency-cycle", "Dependency cycle", invalid.getMessage(), List.of());
            }
            throw ProblemException.invalid(invalid.field(), "invalid", invalid.getMessage());
        }
    }

    private PlaybookTemplateEntity row(UUID tenantId, String key, int version, String status, TemplateDocument doc) {
        Instant now = now();
        PlaybookTemplateEntity row = new PlaybookTemplateEntity();
        row.id = PlaybookService.templateId(tenantId, key, version);
        row.tenantId = tenantId;
        row.templateKey = key;
        row.templateVersion = version;
        row.status = status;
        row.document = write(doc);
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    private static PlaybookTemplate read(String key, PlaybookTemplateEntity row) {
        try {
            return EventCodec.mapper().readValue(row.document, TemplateDocument.class)
                    .toTemplate(key, row.templateVersion);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable template " + key + " v" + row.templateVersion, e);
        }
    }

    private static String write(TemplateDocument document) {
        try {
            return EventCodec.mapper().writeValueAsString(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException transition(String detail) {
        return new ProblemException(409, "invalid-transition", "Invalid transition", detail, List.of());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
