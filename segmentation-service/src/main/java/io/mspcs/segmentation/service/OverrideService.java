package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.FreezeStatus;
import io.mspcs.segmentation.domain.Segment;
import io.mspcs.segmentation.domain.SegmentAssignment;
import io.mspcs.segmentation.domain.SegmentEvaluator;
import io.mspcs.segmentation.domain.SegmentEvaluator.Evaluation;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.messaging.SegmentEvents;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Overrides (segmentation.md §3.7): set or replace, remove, and expiry through the sweep. */
@ApplicationScoped
public class OverrideService {

    private final SegmentService segments;
    private final PolicyRepository policies;
    private final OutboxWriter outbox;
    private final Clock clock;

    public OverrideService(SegmentService segments, PolicyRepository policies, OutboxWriter outbox, Clock clock) {
        this.segments = segments;
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A validated override request. */
    public record OverrideRequest(Segment segment, String reason, Instant expiresAt, boolean acknowledgeFreeze) {
    }

    @WithTransaction
    public Uni<SegmentAssignment> set(UUID tenantId, UUID clientId, OverrideRequest request, String by, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "past", "expiresAt must be in the future");
        }
        return load(tenantId, clientId).chain(found -> policies.active(tenantId).chain(policy -> {
            ClientEntity client = found.getKey();
            SegmentAssignmentEntity row = found.getValue();
            SegmentAssignment current = row.assignment();
            SegmentAssignment.Override existing = current.override();
            if (existing != null && existing.segment() == request.segment()
                    && existing.reason().equals(request.reason()) && Objects.equals(existing.expiresAt(), request.expiresAt())) {
                return Uni.createFrom().item(current);
            }
            FreezeStatus freeze = FreezeStatus.evaluate(row.clientSignals(), policy.freeze(), now);
            boolean downgrade = request.segment().below(current.segment());
            if (downgrade && freeze.active() && !request.acknowledgeFreeze()) {
                return Uni.createFrom().failure(new ProblemException(409, "downgrade-frozen", "Downgrade frozen",
                        "A downgrade is frozen" + (freeze.until() == null ? "" : " until " + freeze.until())
                                + "; send acknowledgeFreeze: true to override anyway (frozenUntil="
                                + freeze.until() + ")", List.of()));
            }
            SegmentAssignment.Override override = new SegmentAssignment.Override(UUID.randomUUID(), request.segment(),
                    request.reason(), by, now, request.expiresAt());
            SegmentAssignment withOverride = current.withOverride(override);
            Evaluation evaluation = evaluate(client, row, withOverride, policy, Trigger.OVERRIDE_SET, now);
            return outbox.append(SegmentEvents.overridden(clientId, override, current,
                            existing == null ? null : existing.id(), downgrade && freeze.active()), context)
                    .chain(() -> segments.apply(clientId, row, current, evaluation, "OVERRIDE_SET", context, now, by))
                    .replaceWith(evaluation.next());
        }));
    }

    @WithTransaction
    public Uni<SegmentAssignment> remove(UUID tenantId, UUID clientId, String by, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return load(tenantId, clientId).chain(found -> policies.active(tenantId).chain(policy -> {
            if (found.getValue().assignment().override() == null) {
                return Uni.createFrom().failure(new ProblemException(404, "override-not-found", "No active override",
                        "Client " + clientId + " has no active override", List.of()));
            }
            return end(found.getKey(), found.getValue(), policy, false, by, context, now);
        }));
    }

    /** Ends an override (removed or expired) and falls back to the computed segment unless a freeze holds it. */
    public Uni<SegmentAssignment> end(ClientEntity client, SegmentAssignmentEntity row, SegmentationPolicy policy,
                                      boolean expired, String by, EventContext context, Instant now) {
        SegmentAssignment current = row.assignment();
        SegmentAssignment.Override override = current.override();
        Evaluation evaluation = evaluate(client, row, current.withOverride(null), policy,
                expired ? Trigger.OVERRIDE_EXPIRED : Trigger.OVERRIDE_REMOVED, now);
        return outbox.append(SegmentEvents.overrideEnded(client.id, override, expired, by, now, evaluation.next()), context)
                .chain(() -> segments.apply(client.id, row, current, evaluation, "OVERRIDE_ENDED", context, now,
                        by == null ? SegmentService.SYSTEM : by))
                .replaceWith(evaluation.next());
    }

    private static Evaluation evaluate(ClientEntity client, SegmentAssignmentEntity row, SegmentAssignment state,
                                       SegmentationPolicy policy, Trigger trigger, Instant now) {
        return SegmentEvaluator.evaluate(state, SegmentEvaluator.Axes.of(state), trigger, new SegmentEvaluator.Context(
                policy, client.mrrAmount, state.mrrBand(), row.clientSignals(), now));
    }

    private Uni<Map.Entry<ClientEntity, SegmentAssignmentEntity>> load(UUID tenantId, UUID clientId) {
        return segments.load(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ClientRegistryService.clientNotFound(clientId));
    }
}
