package io.mspcs.segmentation.service;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.segmentation.domain.AxisScore;
import io.mspcs.segmentation.domain.ClientSignals;
import io.mspcs.segmentation.domain.ClientSignals.CadenceKind;
import io.mspcs.segmentation.domain.ClientSignals.NegativeKind;
import io.mspcs.segmentation.domain.SegmentAssignment;
import io.mspcs.segmentation.domain.SegmentEvaluator.Axes;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.messaging.SignalReaders;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentEntity;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Keeps the inputs of segmentation.md §2.3 from consumed events and re-places the client. Handlers run inside the
 * consumer's transaction; each business effect is deduplicated beyond the event id (a second event with the same
 * reading, CTA or complaint changes nothing).
 */
@ApplicationScoped
public class SignalIntakeService {

    private static final Logger LOG = Logger.getLogger(SignalIntakeService.class);
    private static final int KEEP = 100;

    private final SegmentService segments;
    private final PolicyRepository policies;
    private final CapacityService capacity;
    private final Clock clock;
    private final MeterRegistry meters;

    public SignalIntakeService(SegmentService segments, PolicyRepository policies, CapacityService capacity, Clock clock,
                               MeterRegistry meters) {
        this.segments = segments;
        this.policies = policies;
        this.capacity = capacity;
        this.clock = clock;
        this.meters = meters;
    }

    public Uni<Void> onHealthScored(EventEnvelope event) {
        SignalReaders.HealthScored data = SignalReaders.HealthScored.read(event);
        return withClient(event, data.clientId(), (client, row, policy) -> {
            if (row.lastScoredAt != null && !data.scoredAt().isAfter(row.lastScoredAt)) {
                // Redelivered or out of order: an older score never overrides a newer one.
                return Uni.createFrom().voidItem();
            }
            Map<String, BigDecimal> scores = new HashMap<>();
            data.dimensions().stream().filter(d -> d.dimension() != null && d.score() != null)
                    .forEach(d -> scores.put(d.dimension(), d.score()));
            BigDecimal maturity = AxisScore.of(policy.axes().maturityWeights(), scores).map(AxisScore::value).orElse(null);
            BigDecimal appetite = AxisScore.of(policy.axes().appetiteWeights(), scores).map(AxisScore::value).orElse(null);
            SegmentAssignment current = row.assignment();
            Axes axes = new Axes(maturity, appetite, maturity == null && appetite == null ? current.inputHealth()
                    : new SegmentAssignment.InputHealth(event.id(), data.modelVersion() == null ? 1 : data.modelVersion(),
                    data.scoredAt().truncatedTo(ChronoUnit.MILLIS)));
            String previousColor = row.healthColor;
            boolean turnedRed = "RED".equals(data.color()) && !"RED".equals(previousColor);
            row.lastScoredAt = data.scoredAt();
            Instant now = now();
            return segments.reevaluate(client, row, policy, null, axes, Trigger.HEALTH, signals -> {
                        ClientSignals updated = signals.withHealth(data.color(), data.scoredAt(), Map.copyOf(scores));
                        return turnedRed && policy.freeze().redColorIsNegative()
                                ? negative(updated, new ClientSignals.NegativeEvent(NegativeKind.RED_COLOR,
                                data.scoredAt(), null, null, null)) : updated;
                    }, EventContext.causedBy(event), now, SegmentService.SYSTEM)
                    .chain(ignored -> Objects.equals(previousColor, data.color()) ? Uni.createFrom().voidItem()
                            : capacity.reconcile(client.tenantId, EventContext.causedBy(event), now));
        });
    }

    public Uni<Void> onDmiMeasured(EventEnvelope event) {
        SignalReaders.DmiMeasured data = SignalReaders.DmiMeasured.read(event);
        return update(event, data.clientId(), signals -> {
            if (signals.dmiReadings().stream().anyMatch(r -> r.measuredAt().equals(data.measuredAt()))) {
                return signals;
            }
            List<ClientSignals.DmiReading> readings = new ArrayList<>(signals.dmiReadings());
            readings.add(new ClientSignals.DmiReading(data.dmi(), data.measuredAt()));
            readings.sort(Comparator.comparing(ClientSignals.DmiReading::measuredAt));
            return signals.with(last(readings), signals.cadence(), signals.negativeEvents(), signals.openNegativeCtas());
        });
    }

    public Uni<Void> onComplaintLogged(EventEnvelope event) {
        SignalReaders.ComplaintLogged data = SignalReaders.ComplaintLogged.read(event);
        return update(event, data.clientId(), signals -> signals.negativeEvents().stream()
                .anyMatch(n -> data.signalId() != null && data.signalId().equals(n.signalId())) ? signals
                : negative(signals, new ClientSignals.NegativeEvent(NegativeKind.COMPLAINT, data.observedAt(), null,
                data.signalId(), null)));
    }

    public Uni<Void> onCtaOpened(EventEnvelope event) {
        SignalReaders.CtaOpened data = SignalReaders.CtaOpened.read(event);
        return policies.active(event.tenantId()).chain(policy -> {
            if (!policy.freeze().negativeCtaKinds().contains(data.kind())) {
                return Uni.createFrom().voidItem();
            }
            return update(event, data.clientId(), signals -> {
                if (signals.negativeEvents().stream().anyMatch(n -> data.ctaId().equals(n.ctaId()))) {
                    return signals;
                }
                List<ClientSignals.OpenCta> open = new ArrayList<>(signals.openNegativeCtas());
                open.add(new ClientSignals.OpenCta(data.ctaId(), data.openedAt()));
                ClientSignals withOpen = signals.with(signals.dmiReadings(), signals.cadence(), signals.negativeEvents(), open);
                return negative(withOpen, new ClientSignals.NegativeEvent(NegativeKind.AT_RISK_CTA, data.openedAt(),
                        data.ctaId(), null, null));
            });
        });
    }

    public Uni<Void> onCtaClosed(EventEnvelope event) {
        SignalReaders.CtaClosed data = SignalReaders.CtaClosed.read(event);
        return update(event, data.clientId(), signals -> signals.with(signals.dmiReadings(), signals.cadence(),
                signals.negativeEvents(), signals.openNegativeCtas().stream()
                        .filter(c -> !c.ctaId().equals(data.ctaId())).toList()));
    }

    public Uni<Void> onMeetingHeld(EventEnvelope event) {
        SignalReaders.MeetingHeld data = SignalReaders.MeetingHeld.read(event);
        return cadence(event, data.clientId(), CadenceKind.MEETING_HELD, data.heldAt() != null ? data.heldAt() : event.time());
    }

    public Uni<Void> onCadenceMissed(EventEnvelope event) {
        SignalReaders.CadenceMissed data = SignalReaders.CadenceMissed.read(event);
        return cadence(event, data.clientId(), CadenceKind.CADENCE_MISSED, event.time());
    }

    private Uni<Void> cadence(EventEnvelope event, UUID clientId, CadenceKind kind, Instant at) {
        ClientSignals.CadenceRecord record = new ClientSignals.CadenceRecord(kind, at);
        return update(event, clientId, signals -> {
            if (signals.cadence().contains(record)) {
                return signals;
            }
            List<ClientSignals.CadenceRecord> records = new ArrayList<>(signals.cadence());
            records.add(record);
            records.sort(Comparator.comparing(ClientSignals.CadenceRecord::at));
            return signals.with(signals.dmiReadings(), last(records), signals.negativeEvents(), signals.openNegativeCtas());
        });
    }

    private Uni<Void> update(EventEnvelope event, UUID clientId, UnaryOperator<ClientSignals> change) {
        return withClient(event, clientId, (client, row, policy) -> segments.reevaluate(client, row, policy, null, null,
                Trigger.SIGNAL, change, EventContext.causedBy(event), now(), SegmentService.SYSTEM).replaceWithVoid());
    }

    private interface ClientWork {
        Uni<Void> run(ClientEntity client, SegmentAssignmentEntity row, SegmentationPolicy policy);
    }

    /** Events about clients unknown in the tenant are skipped and counted (segmentation.md §5.2). */
    private Uni<Void> withClient(EventEnvelope event, UUID clientId, ClientWork work) {
        return segments.load(event.tenantId(), clientId).chain(found -> {
            if (found == null) {
                meters.counter("cs_events_unknown_client_total", "type", event.type()).increment();
                LOG.debugf("%s %s about unknown client %s skipped", event.type(), event.id(), clientId);
                return Uni.createFrom().voidItem();
            }
            return policies.active(event.tenantId()).chain(policy -> work.run(found.getKey(), found.getValue(), policy));
        });
    }

    private static ClientSignals negative(ClientSignals signals, ClientSignals.NegativeEvent event) {
        List<ClientSignals.NegativeEvent> negatives = new ArrayList<>(signals.negativeEvents());
        negatives.add(event);
        negatives.sort(Comparator.comparing(ClientSignals.NegativeEvent::occurredAt));
        return signals.with(signals.dmiReadings(), signals.cadence(), last(negatives), signals.openNegativeCtas());
    }

    private static <T> List<T> last(List<T> list) {
        return list.size() <= KEEP ? List.copyOf(list) : List.copyOf(list.subList(list.size() - KEEP, list.size()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
