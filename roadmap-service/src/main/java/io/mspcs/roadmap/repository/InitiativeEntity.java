package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.domain.Origin;
import io.mspcs.roadmap.domain.OriginRefs;
import io.mspcs.roadmap.domain.Placement;
import io.mspcs.roadmap.domain.Priority;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RemediationInitiative;
import io.mspcs.roadmap.domain.RoadmapSequencer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An initiative (roadmap.md §3.2); its roadmap item is {@code (quarter, position)}. */
@Entity
@Table(name = "initiative")
public class InitiativeEntity {

    public static final String LANE_STABILITY = "STABILITY";
    public static final short REMEDIATION_TIER = 1;

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String title;
    public String summary;
    @Enumerated(EnumType.STRING)
    public InitiativeState state;
    public String lane;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    public boolean remediation;
    public Short tier;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public String quarter;
    public int position;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "health_links")
    public HealthLinksColumn healthLinks;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "origin_refs")
    public OriginRefs originRefs;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /**
     * A DRAFT remediation initiative (roadmap.md §5.3 step 1): STABILITY, tier 1, HIGH. It is placed by the
     * resequencing that follows in the same transaction.
     */
    public static InitiativeEntity remediationDraft(UUID tenantId, UUID clientId, String title, String summary,
                                                    Origin origin, List<HealthLink> healthLinks, OriginRefs refs,
                                                    Instant now) {
        InitiativeEntity initiative = new InitiativeEntity();
        initiative.id = UUID.randomUUID();
        initiative.tenantId = tenantId;
        initiative.clientId = clientId;
        initiative.title = title;
        initiative.summary = summary;
        initiative.state = InitiativeState.DRAFT;
        initiative.lane = LANE_STABILITY;
        initiative.origin = origin;
        initiative.remediation = true;
        initiative.tier = REMEDIATION_TIER;
        initiative.priority = Priority.HIGH;
        initiative.healthLinks = new HealthLinksColumn(healthLinks);
        initiative.originRefs = refs;
        initiative.createdAt = now;
        initiative.updatedAt = now;
        return initiative;
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    public List<HealthLink> healthLinks() {
        return healthLinks.items();
    }

    public Set<String> insightCodes() {
        return healthLinks().stream().map(HealthLink::insightCode).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    public RemediationInitiative remediationFacts() {
        return new RemediationInitiative(id, remediation, isOpen(), insightCodes(), originRefs);
    }

    /** {@code null} placement: created in this transaction, not yet on the roadmap. */
    public RoadmapSequencer.Item sequencingItem(boolean placed) {
        return new RoadmapSequencer.Item(id, remediation, priority, !originRefs.gateIds().isEmpty(), createdAt,
                placed ? new Placement(Quarter.parseNullable(quarter), position) : null);
    }

    public Quarter quarter() {
        return Quarter.parseNullable(quarter);
    }

    public void place(Placement placement, Instant now) {
        String newQuarter = placement.quarter() == null ? null : placement.quarter().toString();
        if (!Objects.equals(quarter, newQuarter) || position != placement.position()) {
            quarter = newQuarter;
            position = placement.position();
            updatedAt = now;
        }
    }

    public void addHealthEvent(UUID eventId, Instant now) {
        updateRefs(originRefs.withHealthEvent(eventId), now);
    }

    public void addCta(UUID ctaId, UUID causationId, Instant now) {
        updateRefs(originRefs.withCta(ctaId, causationId), now);
    }

    /** The insight a CTA-made initiative was waiting for: its first insight-less link takes it. */
    public void bindInsight(String insightCode, Instant now) {
        List<HealthLink> links = new ArrayList<>(healthLinks());
        int free = links.stream().map(HealthLink::insightCode).toList().indexOf(null);
        if (free >= 0) {
            links.set(free, links.get(free).withInsight(insightCode));
        } else {
            links.add(HealthLink.adoption(insightCode));
        }
        healthLinks = new HealthLinksColumn(links);
        updatedAt = now;
    }

    private void updateRefs(OriginRefs refs, Instant now) {
        if (!refs.equals(originRefs)) {
            originRefs = refs;
            updatedAt = now;
        }
    }
}
