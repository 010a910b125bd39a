package io.mspcs.roadmap.service;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.Origin;
import io.mspcs.roadmap.domain.OriginRefs;
import io.mspcs.roadmap.domain.Priority;
import io.mspcs.roadmap.domain.RemediationInitiative;
import io.mspcs.roadmap.domain.RemediationPlanner;
import io.mspcs.roadmap.domain.TopGap;
import io.mspcs.roadmap.repository.FailingColumn;
import io.mspcs.roadmap.repository.GateViewEntity;
import io.mspcs.roadmap.repository.GateViewRepository;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gate read model (roadmap.md §3.7, §5.1, §8.2) from AdoptionGateBreached / AdoptionGateCleared, inside the
 * consumer's transaction. A breach runs remediation first for its failing insights and blocks proposals; a clear
 * unblocks them. Duplicates and late events change nothing: a gate cleared at a later time stays closed.
 */
@ApplicationScoped
public class GateService {

    private final ClientStates states;
    private final GateViewRepository gates;
    private final RemediationFirst remediationFirst;
    private final RoadmapVersions versions;
    private final Clock clock;

    public GateService(ClientStates states, GateViewRepository gates, RemediationFirst remediationFirst,
                       RoadmapVersions versions, Clock clock) {
        this.states = states;
        this.gates = gates;
        this.remediationFirst = remediationFirst;
        this.versions = versions;
        this.clock = clock;
    }

    public record GateSignal(UUID gateId, String gate, List<FailingColumn.Insight> failing, Instant since,
                             String reasonText) {
    }

    public Uni<Void> onBreached(EventEnvelope event, UUID clientId, GateSignal signal) {
        Instant now = now();
        Instant eventTime = event.time() == null ? now : event.time();
        UUID tenantId = event.tenantId();
        return states.provisioned(tenantId, clientId, now).chain(state -> gates.findByGate(tenantId, signal.gateId())
                .chain(known -> {
                    if (known != null && (known.open || !eventTime.isAfter(known.eventTime))) {
                        return Uni.createFrom().voidItem(); // duplicate, or cleared later than this breach
                    }
                    FailingColumn failing = new FailingColumn(signal.failing());
                    GateViewEntity view;
                    if (known == null) {
                        view = GateViewEntity.of(tenantId, clientId, signal.gateId(), signal.gate(), true, failing,
                                signal.since() == null ? eventTime : signal.since(), eventTime, now);
                    } else {
                        view = known;
                        view.open = true;
                        view.failing = failing;
                        view.since = signal.since() == null ? eventTime : signal.since();
                        view.eventTime = eventTime;
                        view.updatedAt = now;
                    }
                    Uni<?> saved = known == null ? gates.persist(view) : Uni.createFrom().item(view);
                    return saved.chain(() -> remediate(state, event, view, signal, now));
                }));
    }

    /** Remediation first (roadmap.md §5.3) for the failing insights; FIX_FIRST makes their remediation CRITICAL. */
    private Uni<Void> remediate(ClientState state, EventEnvelope event, GateViewEntity gate, GateSignal signal,
                                Instant now) {
        List<InitiativeEntity> existing = state.initiatives();
        var byId = existing.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        List<TopGap> gaps = signal.failing().stream().filter(f -> f.coverage() != null && f.threshold() != null)
                .map(f -> new TopGap(f.insightCode(), f.coverage(), f.threshold())).toList();
        List<RemediationInitiative> facts = existing.stream().map(InitiativeEntity::remediationFacts).toList();
        RemediationPlanner.Plan plan = RemediationPlanner.plan(gaps, event.id(), facts);
        plan.links().forEach(link -> {
            InitiativeEntity covering = byId.get(link.initiativeId());
            covering.addHealthEvent(event.id(), now);
            covering.addGate(gate.gateId, now);
        });
        plan.bindings().forEach(binding -> {
            InitiativeEntity waiting = byId.get(binding.initiativeId());
            waiting.bindInsight(binding.gap().insightCode(), now);
            waiting.addHealthEvent(event.id(), now);
            waiting.addGate(gate.gateId, now);
        });
        List<InitiativeEntity> created = plan.creations().stream()
                .map(gap -> InitiativeEntity.remediationDraft(state.tenantId(), state.clientId(),
                        gap.remediationTitle(), cut(signal.reasonText()), Origin.ADOPTION_GATE,
                        List.of(HealthLink.adoption(gap.insightCode())),
                        OriginRefs.none().withHealthEvent(event.id()).withGate(gate.gateId), now))
                .toList();
        if (GateViewEntity.FIX_FIRST.equals(gate.gate)) {
            Set<String> insights = signal.failing().stream().map(FailingColumn.Insight::insightCode)
                    .collect(Collectors.toSet());
            List<InitiativeEntity> all = new ArrayList<>(existing);
            all.addAll(created);
            all.stream().filter(i -> i.remediation && i.isOpen())
                    .filter(i -> i.insightCodes().stream().anyMatch(insights::contains))
                    .forEach(i -> {
                        i.priority = Priority.CRITICAL;
                        i.updatedAt = now;
                    });
        }
        boolean wasBlocked = state.roadmap().proposalsBlocked;
        boolean blocked = wasBlocked || gate.isOpenFixFirst();
        state.roadmap().proposalsBlocked = blocked;
        return remediationFirst.apply(state.target(), existing, created, EventContext.causedBy(event), now,
                blocked != wasBlocked);
    }

    public Uni<Void> onCleared(EventEnvelope event, UUID clientId, UUID gateId, String gateType) {
        Instant now = now();
        Instant eventTime = event.time() == null ? now : event.time();
        UUID tenantId = event.tenantId();
        return states.provisioned(tenantId, clientId, now).chain(state -> gates.findByGate(tenantId, gateId)
                .chain(known -> {
                    if (known == null) {
                        // Unknown gate stored closed: a late breach cannot reopen it.
                        return gates.persist(GateViewEntity.of(tenantId, clientId, gateId, gateType, false,
                                new FailingColumn(List.of()), null, eventTime, now)).replaceWithVoid();
                    }
                    if (!known.open || eventTime.isBefore(known.eventTime)) {
                        return Uni.createFrom().voidItem();
                    }
                    known.open = false;
                    known.eventTime = eventTime;
                    known.updatedAt = now;
                    List<GateViewEntity> stillOpen = state.openGates().stream()
                            .filter(g -> !g.gateId.equals(gateId)).toList();
                    Set<String> stillFailing = new HashSet<>();
                    stillOpen.stream().filter(GateViewEntity::isOpenFixFirst)
                            .forEach(g -> g.failing.items().forEach(f -> stillFailing.add(f.insightCode())));
                    state.initiatives().stream()
                            .filter(i -> i.remediation && i.priority == Priority.CRITICAL)
                            .filter(i -> i.insightCodes().stream().noneMatch(stillFailing::contains))
                            .forEach(i -> {
                                i.priority = Priority.HIGH;
                                i.updatedAt = now;
                            });
                    boolean blocked = stillOpen.stream().anyMatch(GateViewEntity::isOpenFixFirst);
                    if (state.roadmap().proposalsBlocked && !blocked) {
                        state.roadmap().proposalsBlocked = false;
                        return versions.record(state, "GATE_CLEARED", null, null, List.of(),
                                EventContext.causedBy(event));
                    }
                    return Uni.createFrom().voidItem();
                }));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
