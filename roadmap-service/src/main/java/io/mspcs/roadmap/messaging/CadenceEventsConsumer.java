package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.mspcs.roadmap.domain.CtaLinkMatcher;
import io.mspcs.roadmap.service.RemediationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** CtaOpened of kind REMEDIATION links to (or yields) a remediation initiative; other kinds are ignored. */
@ApplicationScoped
public class CadenceEventsConsumer {

    static final String NAME = "roadmap-service.cadence-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public CadenceEventsConsumer(IdempotentConsumer consumer, RemediationService remediation) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(EventTypes.CTA_OPENED, event -> onCtaOpened(remediation, event)));
    }

    @Incoming("cadence-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }

    private static Uni<Void> onCtaOpened(RemediationService remediation, EventEnvelope event) {
        CtaOpenedReader data = CtaOpenedReader.read(event);
        if (!data.remediation()) {
            return Uni.createFrom().voidItem();
        }
        var signal = new CtaLinkMatcher.CtaSignal(data.ctaId(), event.causationId(), data.relatedGateId(),
                data.insightCodes());
        return remediation.onRemediationCta(event, ClientSubject.of(event),
                new RemediationService.RemediationCta(signal, data.title(), data.dimension(), data.reasonText()));
    }
}
