package io.mspcs.roadmap.service;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.roadmap.domain.CtaLinkMatcher;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.Origin;
import io.mspcs.roadmap.domain.OriginRefs;
import io.mspcs.roadmap.domain.RemediationInitiative;
import io.mspcs.roadmap.domain.RemediationPlanner;
import io.mspcs.roadmap.domain.TopGap;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Remediation first (roadmap.md §5.3) for DmiDropped and REMEDIATION CTAs. Handlers run inside the consumer's
 * transaction, with the client's roadmap row locked, so one insight never gets two open remediation initiatives
 * whichever event arrives first.
 */
@ApplicationScoped
public class RemediationService {

    static final int TITLE_MAX = 140;
    static final int SUMMARY_MAX = 2000;
    static final int HEALTH_LINKS_MAX = 10;

    private final ClientViewService clients;
    private final InitiativeRepository initiatives;
    private final RemediationFirst remediationFirst;
    private final Clock clock;

    public RemediationService(ClientViewService clients, InitiativeRepository initiatives,
                              RemediationFirst remediationFirst, Clock clock) {
        this.clients = clients;
        this.initiatives = initiatives;
        this.remediationFirst = remediationFirst;
        this.clock = clock;
    }

    /** What a DmiDropped says: its snapshot, the gaps most important first, and why it fired. */
    public record DmiDrop(UUID snapshotId, BigDecimal dmi, List<TopGap> gaps, String reasonText) {
    }

    /** What a REMEDIATION CtaOpened says; {@code causationId} is the envelope's, the event that opened it. */
    public record RemediationCta(CtaLinkMatcher.CtaSignal signal, String title, String dimension, String reasonText) {
    }

    /**
     * Step 1 + 2: a DRAFT remediation initiative per uncovered gap, the event id on those already covered, then
     * remediation to the head. A drop older than the one applied is ignored entirely.
     */
    public Uni<Void> onDmiDropped(EventEnvelope event, UUID clientId, DmiDrop drop) {
        Instant now = now();
        Instant measuredAt = event.time() == null ? now : event.time();
        UUID tenantId = event.tenantId();
        return clients.lockOrProvision(tenantId, clientId, now).chain(target -> {
            if (!target.client().applyDmiDrop(drop.snapshotId(), drop.dmi(), measuredAt, now)) {
                return Uni.createFrom().voidItem();
            }
            return initiatives.ofClient(tenantId, clientId).chain(existing -> {
                java.util.Set<String> dropped = drop.gaps().stream().filter(TopGap::belowTarget)
                        .map(TopGap::insightCode).collect(Collectors.toSet());
                existing.stream().filter(initiative -> initiative.insightCodes().stream().anyMatch(dropped::contains))
                        .forEach(initiative -> initiative.markAdoptionMoveFailed(now));
                Map<UUID, InitiativeEntity> byId = byId(existing);
                RemediationPlanner.Plan plan = RemediationPlanner.plan(drop.gaps(), event.id(), facts(existing));
                plan.links().forEach(link -> byId.get(link.initiativeId()).addHealthEvent(event.id(), now));
                plan.bindings().forEach(binding -> {
                    InitiativeEntity waiting = byId.get(binding.initiativeId());
                    waiting.bindInsight(binding.gap().insightCode(), now);
                    waiting.addHealthEvent(event.id(), now);
                });
                List<InitiativeEntity> created = plan.creations().stream()
                        .map(gap -> InitiativeEntity.remediationDraft(tenantId, clientId, gap.remediationTitle(),
                                cut(drop.reasonText(), SUMMARY_MAX), Origin.DMI_DROP,
                                List.of(HealthLink.adoption(gap.insightCode())),
                                OriginRefs.none().withHealthEvent(event.id()), now))
                        .toList();
                return remediationFirst.apply(target, existing, created, EventContext.causedBy(event), now);
            });
        });
    }

    /**
     * Step 3: the CTA joins the first matching initiative (no event for a link); with no match it yields one new
     * initiative, which keeps the CTA's causation so the health event arriving later finds it.
     */
    public Uni<Void> onRemediationCta(EventEnvelope event, UUID clientId, RemediationCta cta) {
        Instant now = now();
        UUID tenantId = event.tenantId();
        CtaLinkMatcher.CtaSignal signal = cta.signal();
        return clients.lockOrProvision(tenantId, clientId, now).chain(target -> initiatives.ofClient(tenantId, clientId)
                .chain(existing -> {
                    Optional<CtaLinkMatcher.Match> match = CtaLinkMatcher.match(signal, facts(existing));
                    if (match.isPresent()) {
                        byId(existing).get(match.get().initiativeId()).addCta(signal.ctaId(), signal.causationId(), now);
                        return Uni.createFrom().voidItem();
                    }
                    InitiativeEntity created = InitiativeEntity.remediationDraft(tenantId, clientId,
                            cut(cta.title(), TITLE_MAX), cut(cta.reasonText(), SUMMARY_MAX), Origin.REMEDIATION_CTA,
                            healthLinks(cta), OriginRefs.none().withCta(signal.ctaId(), signal.causationId()), now);
                    return remediationFirst.apply(target, existing, List.of(created), EventContext.causedBy(event), now);
                }));
    }

    /** The insights the CTA names (none of them covered, or it would have matched); else one link to fill later. */
    private static List<HealthLink> healthLinks(RemediationCta cta) {
        List<String> insights = cta.signal().insightCodes();
        if (insights.isEmpty()) {
            return List.of(new HealthLink(cta.dimension() == null ? HealthLink.ADOPTION : cta.dimension(), null, null));
        }
        return insights.stream().limit(HEALTH_LINKS_MAX).map(HealthLink::adoption).toList();
    }

    private static List<RemediationInitiative> facts(List<InitiativeEntity> existing) {
        return existing.stream().map(InitiativeEntity::remediationFacts).toList();
    }

    private static Map<UUID, InitiativeEntity> byId(List<InitiativeEntity> existing) {
        return existing.stream().collect(Collectors.toMap(initiative -> initiative.id, Function.identity()));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
