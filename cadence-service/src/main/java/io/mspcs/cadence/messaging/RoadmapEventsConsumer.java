package io.mspcs.cadence.messaging;

import io.mspcs.cadence.service.ProposalRuleService;
import io.mspcs.cadence.service.RoadmapRuleService;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** {@code cs.roadmap.events}: lifecycle rules T-ASMT and T-INIT, proposal rules T-PROP15/30/60. */
@ApplicationScoped
public class RoadmapEventsConsumer {

    static final String NAME = "cadence-service.roadmap-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public RoadmapEventsConsumer(IdempotentConsumer consumer, RoadmapRuleService rules, ProposalRuleService proposals) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.ASSESSMENT_COMPLETED, rules::onAssessmentCompleted,
                EventTypes.INITIATIVE_APPROVED, rules::onInitiativeApproved,
                EventTypes.PROPOSAL_AGING, proposals::onProposalAging,
                EventTypes.PROPOSAL_ACCEPTED, proposals::onProposalEnded,
                EventTypes.PROPOSAL_DECLINED, proposals::onProposalEnded,
                EventTypes.PROPOSAL_CLOSED, proposals::onProposalEnded));
    }

    @Incoming("roadmap-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }
}
