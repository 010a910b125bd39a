package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.ImportOutcome;
import io.mspcs.cadence.messaging.MeetingEvents;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.MeetingEntity;
import io.mspcs.cadence.repository.MeetingRepository;
import io.mspcs.cadence.rest.MeetingRequests;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/meetings/bulk} (cadence.md §8.2): PSA and calendar items by {@code (source, externalId)}. A new
 * key creates the meeting, a known one updates it (time, confirmation, title, duration) and moves it on (held,
 * cancelled) through the same paths as the single-meeting endpoints, so a held item counts for cadence like a
 * recorded one. Every item is checked before anything of it is written, so a REJECTED item writes nothing; the
 * meetings are stored with source IMPORT and the external id {@code SOURCE:externalId}.
 */
@ApplicationScoped
public class MeetingImportService {

    public static final int BULK_LIMIT = 5_000;
    private static final Pattern SOURCE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Set<String> STATUSES = Set.of(MeetingEntity.SCHEDULED, MeetingEntity.HELD,
            MeetingEntity.CANCELLED);

    /** One item's answer, in request order; {@code problem} only for REJECTED. */
    public record ItemResult(int index, String source, String externalId, ImportOutcome status, UUID meetingId,
                             Problem problem) {
    }

    private final MeetingService meetingService;
    private final MeetingRepository meetings;
    private final ClientViewRepository clients;
    private final OutboxWriter outbox;
    private final Clock clock;

    public MeetingImportService(MeetingService meetingService, MeetingRepository meetings, ClientViewRepository clients,
                                OutboxWriter outbox, Clock clock) {
        this.meetingService = meetingService;
        this.meetings = meetings;
        this.clients = clients;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Refuses the whole batch when it is empty, too large or repeats a key; else answers per item. */
    @WithTransaction
    public Uni<List<ItemResult>> importAll(EventContext context, List<MeetingRequests.BulkItem> items) {
        if (items == null || items.isEmpty()) {
            throw ProblemException.invalid("items", "size", "A batch needs at least one item");
        }
        if (items.size() > BULK_LIMIT) {
            throw new ProblemException(400, "bulk-limit-exceeded", "Too many items",
                    "At most " + BULK_LIMIT + " items per call", List.of(new Problem.FieldError("items", "size")));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            MeetingRequests.BulkItem item = items.get(i);
            if (item != null && item.source() != null && item.externalId() != null
                    && !keys.add(item.source() + ":" + item.externalId())) {
                throw ProblemException.invalid("(source, externalId) repeats within the batch",
                        List.of(new Problem.FieldError("items[" + i + "].externalId", "duplicate")));
            }
        }
        Instant now = now();
        // One item after the other in this transaction (they may share a client and its slots).
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUniAndConcatenate(i -> one(context, i, items.get(i), now))
                .collect().asList();
    }

    private Uni<ItemResult> one(EventContext context, int index, MeetingRequests.BulkItem item, Instant now) {
        List<Problem.FieldError> errors = validate("items[" + index + "].", item, now);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(rejected(index, item, 400, "validation-failed", "Item is invalid",
                    "The item has invalid fields", errors));
        }
        UUID tenantId = context.tenantId();
        String externalId = item.source() + ":" + item.externalId();
        return clients.findClient(tenantId, item.clientId()).chain(client -> {
            if (client == null) {
                return Uni.createFrom().item(rejected(index, item, 404, "not-found", "Not found",
                        "Client " + item.clientId() + " does not exist",
                        List.of(new Problem.FieldError("items[" + index + "].clientId", "not-found"))));
            }
            return meetings.findExternal(tenantId, "IMPORT", externalId).chain(existing -> existing == null
                    ? create(context, index, item, client, externalId, now)
                    : update(context, index, item, existing, now));
        });
    }

    private Uni<ItemResult> create(EventContext context, int index, MeetingRequests.BulkItem item,
                                   io.mspcs.cadence.repository.ClientViewEntity client, String externalId,
                                   Instant now) {
        MeetingRequests.Schedule schedule = new MeetingRequests.Schedule(item.meetingType(), item.title(),
                item.scheduledFor(), item.durationMinutes(), item.confirmed(), null, null, null, "IMPORT", externalId);
        return meetingService.create(context, client, schedule, null, "IMPORT")
                .chain(m -> progress(context, item, m, now).replaceWith(result(index, item, ImportOutcome.CREATED, m)));
    }

    private Uni<ItemResult> update(EventContext context, int index, MeetingRequests.BulkItem item, MeetingEntity m,
                                   Instant now) {
        String wanted = status(item);
        if (!m.clientId.equals(item.clientId()) || !m.meetingType.equals(item.meetingType())) {
            return Uni.createFrom().item(rejected(index, item, 409, "immutable-field", "Field cannot change",
                    "An imported meeting keeps its client and meeting type",
                    List.of(new Problem.FieldError("items[" + index + "].meetingType", "immutable"))));
        }
        if (!MeetingEntity.SCHEDULED.equals(m.status)) {
            // Held and cancelled meetings are final: the same state again is no change, anything else a conflict.
            return Uni.createFrom().item(m.status.equals(wanted) ? result(index, item, ImportOutcome.UNCHANGED, m)
                    : rejected(index, item, 409, "invalid-transition", "Invalid transition",
                    "The meeting is " + m.status + ", not " + wanted,
                    List.of(new Problem.FieldError("items[" + index + "].status", "invalid-transition"))));
        }
        boolean changed = false;
        if (item.title() != null && !item.title().equals(m.title)) {
            m.title = item.title();
            changed = true;
        }
        if (item.durationMinutes() != null && item.durationMinutes() != m.durationMinutes) {
            m.durationMinutes = item.durationMinutes();
            changed = true;
        }
        if (changed) {
            m.updatedAt = now;
        }
        boolean moves = !MeetingEntity.SCHEDULED.equals(wanted);
        boolean edited = changed;
        return meetingService.applyPatch(context, m, new MeetingRequests.Patch(item.scheduledFor(), item.confirmed(),
                        null, null))
                .chain(rescheduled -> !rescheduled && !edited && !moves
                        ? Uni.createFrom().item(result(index, item, ImportOutcome.UNCHANGED, m))
                        : progress(context, item, m, now).replaceWith(result(index, item, ImportOutcome.UPDATED, m)));
    }

    /** Held or cancelled items move the meeting on through the single-meeting paths. */
    private Uni<Void> progress(EventContext context, MeetingRequests.BulkItem item, MeetingEntity m, Instant now) {
        return switch (status(item)) {
            case MeetingEntity.HELD -> meetingService.recordHeld(context, m, new MeetingRequests.Held(item.heldAt(),
                    item.attendeeRoles(), item.clientAttendeeCount(), item.decisionMakerPresent(),
                    item.execSponsorPresent()), now).replaceWithVoid();
            case MeetingEntity.CANCELLED -> meetingService.applyCancel(context, m, item.cancelReason()).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }

    static List<Problem.FieldError> validate(String at, MeetingRequests.BulkItem item, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (item == null) {
            errors.add(new Problem.FieldError(at.substring(0, at.length() - 1), "required"));
            return errors;
        }
        if (item.source() == null || !SOURCE.matcher(item.source()).matches()) {
            errors.add(new Problem.FieldError(at + "source", item.source() == null ? "required" : "format"));
        }
        if (item.externalId() == null || item.externalId().isBlank() || item.externalId().length() > 150) {
            errors.add(new Problem.FieldError(at + "externalId", item.externalId() == null ? "required" : "size"));
        }
        if (item.clientId() == null) {
            errors.add(new Problem.FieldError(at + "clientId", "required"));
        }
        if (item.meetingType() == null || item.meetingType().isBlank() || item.meetingType().length() > 40) {
            errors.add(new Problem.FieldError(at + "meetingType", item.meetingType() == null ? "required" : "size"));
        }
        if (item.title() != null && item.title().length() > 200) {
            errors.add(new Problem.FieldError(at + "title", "size"));
        }
        if (item.scheduledFor() == null) {
            errors.add(new Problem.FieldError(at + "scheduledFor", "required"));
        }
        if (item.durationMinutes() != null && item.durationMinutes() < 1) {
            errors.add(new Problem.FieldError(at + "durationMinutes", "min"));
        }
        if (item.clientAttendeeCount() != null && item.clientAttendeeCount() < 0) {
            errors.add(new Problem.FieldError(at + "clientAttendeeCount", "min"));
        }
        String status = status(item);
        if (!STATUSES.contains(status)) {
            errors.add(new Problem.FieldError(at + "status", "unknown-value"));
        } else if (MeetingEntity.HELD.equals(status)) {
            if (item.heldAt() == null) {
                errors.add(new Problem.FieldError(at + "heldAt", "required"));
            } else if (item.heldAt().isAfter(now)) {
                errors.add(new Problem.FieldError(at + "heldAt", "in-future"));
            }
        } else if (MeetingEntity.CANCELLED.equals(status) && !MeetingService.CANCEL_REASONS.contains(item.cancelReason())) {
            errors.add(new Problem.FieldError(at + "cancelReason", item.cancelReason() == null ? "required"
                    : "unknown-value"));
        }
        return errors;
    }

    private static String status(MeetingRequests.BulkItem item) {
        return Objects.requireNonNullElse(item.status(), MeetingEntity.SCHEDULED);
    }

    private static ItemResult result(int index, MeetingRequests.BulkItem item, ImportOutcome outcome, MeetingEntity m) {
        return new ItemResult(index, item.source(), item.externalId(), outcome, m.id, null);
    }

    private static ItemResult rejected(int index, MeetingRequests.BulkItem item, int status, String slug, String title,
                                       String detail, List<Problem.FieldError> errors) {
        return new ItemResult(index, item == null ? null : item.source(), item == null ? null : item.externalId(),
                ImportOutcome.REJECTED, null, new Problem("/problems/" + slug, title, status, detail, null, errors, null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
