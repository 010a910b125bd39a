package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.ClientSignals;
import io.mspcs.segmentation.domain.FreezeStatus;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Escalations recorded by people (segmentation.md §3.6, §6); complaints arrive from health-service instead. */
@ApplicationScoped
public class NegativeEventService {

    private final SegmentService segments;
    private final PolicyRepository policies;
    private final Clock clock;

    public NegativeEventService(SegmentService segments, PolicyRepository policies, Clock clock) {
        this.segments = segments;
        this.policies = policies;
        this.clock = clock;
    }

    public record Recorded(ClientSignals.NegativeEvent event, FreezeStatus freeze) {
    }

    @WithTransaction
    public Uni<Recorded> record(UUID tenantId, UUID clientId, ClientSignals.NegativeKind kind, String note,
                                Instant occurredAt, String actor, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant at = occurredAt == null ? now : occurredAt.truncatedTo(ChronoUnit.MILLIS);
        if (at.isAfter(now)) {
            throw ProblemException.invalid("occurredAt", "future", "occurredAt must not be in the future");
        }
        ClientSignals.NegativeEvent event = new ClientSignals.NegativeEvent(kind, at, null, null, note);
        return segments.load(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ClientRegistryService.clientNotFound(clientId))
                .chain(found -> policies.active(tenantId).chain(policy -> segments.reevaluate(found.getKey(),
                                found.getValue(), policy, null, null, Trigger.SIGNAL, signals -> {
                                    List<ClientSignals.NegativeEvent> negatives = new ArrayList<>(signals.negativeEvents());
                                    negatives.add(event);
                                    return signals.with(signals.dmiReadings(), signals.cadence(), negatives,
                                            signals.openNegativeCtas());
                                }, context, now, actor)
                        .map(ignored -> new Recorded(event, FreezeStatus.evaluate(found.getValue().clientSignals(),
                                policy.freeze(), now)))));
    }
}
