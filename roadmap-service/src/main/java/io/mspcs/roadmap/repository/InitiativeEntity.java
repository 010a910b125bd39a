package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.Estimate;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.PreApproval;
import io.mspcs.roadmap.domain.SpendType;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
    public String currency;
    @Column(name = "one_time")
    public BigDecimal oneTime;
    @Enumerated(EnumType.STRING)
    @Column(name = "spend_type")
    public SpendType spendType;
    @Column(name = "recurring_monthly")
    public BigDecimal recurringMonthly;
    @Column(name = "recurring_start_month")
    public String recurringStartMonth;
    @Column(name = "recurring_term_months")
    public Short recurringTermMonths;
    @Column(name = "big_rock")
    public boolean bigRock;
    @Column(name = "delivery_owner_member_id")
    public String deliveryOwnerMemberId;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "actual_cost")
    public BigDecimal actualCost;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "close_note")
    public String closeNote;
    @Column(name = "open_proposal_id")
    public UUID openProposalId;
    @Column(name = "credit_eligible")
    public Boolean creditEligible;
    @Column(name = "adoption_move_failed")
    public boolean adoptionMoveFailed;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pre_approval")
    public PreApproval preApproval;
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

    /** A new DRAFT initiative from the API or an assessment finding; the caller places it at its quarter's end. */
    public static InitiativeEntity draft(UUID tenantId, UUID clientId, String title, String summary, String lane,
                                         Origin origin, boolean remediation, Priority priority, Short tier,
                                         List<HealthLink> healthLinks, OriginRefs refs, String currency, Instant now) {
        InitiativeEntity initiative = remediationDraft(tenantId, clientId, title, summary, origin, healthLinks, refs,
                now);
        initiative.lane = lane;
        initiative.remediation = remediation;
        initiative.priority = priority;
        initiative.tier = tier;
        initiative.currency = currency;
        return initiative;
    }

    public Estimate estimate() {
        return new Estimate(oneTime, spendType, recurringMonthly,
                recurringStartMonth == null ? null : YearMonth.parse(recurringStartMonth),
                recurringTermMonths == null ? null : recurringTermMonths.intValue());
    }

    public void setEstimate(Estimate estimate, String currency, Instant now) {
        oneTime = estimate.oneTime();
        spendType = estimate.spendType();
        recurringMonthly = estimate.recurringMonthly();
        recurringStartMonth = estimate.recurringStart() == null ? null : estimate.recurringStart().toString();
        recurringTermMonths = estimate.termMonths() == null ? null : estimate.termMonths().shortValue();
        this.currency = currency;
        updatedAt = now;
    }

    /** Moves the item to another quarter's end; an explicit recurring start moves by the same number of months. */
    public void moveTo(Quarter target, int newPosition, io.mspcs.roadmap.domain.FiscalCalendar calendar, Instant now) {
        Quarter from = quarter();
        if (from != null && target != null && recurringStartMonth != null) {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(calendar.firstMonthOf(from),
                    calendar.firstMonthOf(target));
            setEstimate(estimate().shiftedBy(months), currency, now);
        }
        place(new Placement(target, newPosition), now);
    }

    /**
     * The quarter rollover (roadmap.md §7): like {@link #moveTo}, except that a recurring cost whose explicit start
     * month has already come stays where it started; only a start still ahead shifts with the quarter.
     */
    public void rollOverTo(Quarter target, int newPosition, io.mspcs.roadmap.domain.FiscalCalendar calendar,
                           Instant now) {
        if (recurringStartMonth != null && !java.time.YearMonth.parse(recurringStartMonth)
                .isBefore(calendar.firstMonthOf(target))) {
            moveTo(target, newPosition, calendar, now);
            return;
        }
        place(new Placement(target, newPosition), now);
    }

    /**
     * DmiDropped names an insight this approved-or-later work links (roadmap.md §8.2): the adoption move failed and
     * the expansion credit is withheld (P4). Returns whether anything changed.
     */
    public boolean markAdoptionMoveFailed(Instant now) {
        boolean approvedOrLater = state == io.mspcs.roadmap.domain.InitiativeState.APPROVED
                || state == io.mspcs.roadmap.domain.InitiativeState.IN_PROGRESS
                || state == io.mspcs.roadmap.domain.InitiativeState.COMPLETED
                || (state == io.mspcs.roadmap.domain.InitiativeState.CLOSED && completedOn != null);
        if (!approvedOrLater || adoptionMoveFailed) {
            return false;
        }
        adoptionMoveFailed = true;
        if (Boolean.TRUE.equals(creditEligible)) {
            creditEligible = false;
        }
        updatedAt = now;
        return true;
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

    public void addGate(UUID gateId, Instant now) {
        updateRefs(originRefs.withGate(gateId), now);
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
