package io.mspcs.contracts;

import java.util.List;

/** Every event type of the catalogue (events.md §4): {@code <domain>.<EventName>.v<major>}. */
public final class EventTypes {

    // segmentation-service -> {@link Topics#SEGMENTATION}
    public static final String CLIENT_REGISTERED = "segmentation.ClientRegistered.v1";
    public static final String CLIENT_UPDATED = "segmentation.ClientUpdated.v1";
    public static final String SEGMENT_ASSIGNED = "segmentation.SegmentAssigned.v1";
    public static final String SEGMENT_CHANGED = "segmentation.SegmentChanged.v1";
    public static final String SEGMENT_OVERRIDDEN = "segmentation.SegmentOverridden.v1";
    public static final String SEGMENT_OVERRIDE_ENDED = "segmentation.SegmentOverrideEnded.v1";
    public static final String OWNER_ASSIGNED = "segmentation.OwnerAssigned.v1";
    public static final String CAPACITY_BREACHED = "segmentation.CapacityBreached.v1";
    public static final String CAPACITY_RESTORED = "segmentation.CapacityRestored.v1";

    // health-service -> {@link Topics#HEALTH}
    public static final String SIGNALS_INGESTED = "health.SignalsIngested.v1";
    public static final String HEALTH_SCORED = "health.HealthScored.v1";
    public static final String HEALTH_COLOR_CHANGED = "health.HealthColorChanged.v1";
    public static final String DMI_MEASURED = "health.DmiMeasured.v1";
    public static final String DMI_DROPPED = "health.DmiDropped.v1";
    public static final String DMI_STALLED = "health.DmiStalled.v1";
    public static final String ADOPTION_GATE_BREACHED = "health.AdoptionGateBreached.v1";
    public static final String ADOPTION_GATE_CLEARED = "health.AdoptionGateCleared.v1";
    public static final String BACKUP_RISK_DETECTED = "health.BackupRiskDetected.v1";
    public static final String BACKUP_RISK_CLEARED = "health.BackupRiskCleared.v1";
    public static final String COMPLAINT_LOGGED = "health.ComplaintLogged.v1";

    // cadence-service -> {@link Topics#CADENCE}
    public static final String MEETING_SCHEDULED = "cadence.MeetingScheduled.v1";
    public static final String MEETING_HELD = "cadence.MeetingHeld.v1";
    public static final String RECAP_RECORDED = "cadence.RecapRecorded.v1";
    public static final String MEETING_CANCELLED = "cadence.MeetingCancelled.v1";
    public static final String MEETING_MISSED = "cadence.MeetingMissed.v1";
    public static final String CADENCE_MISSED = "cadence.CadenceMissed.v1";
    public static final String DECISION_RECORDED = "cadence.DecisionRecorded.v1";
    public static final String CTA_OPENED = "cadence.CtaOpened.v1";
    public static final String CTA_UPDATED = "cadence.CtaUpdated.v1";
    public static final String CTA_CLOSED = "cadence.CtaClosed.v1";
    public static final String CTA_ESCALATED = "cadence.CtaEscalated.v1";
    public static final String CTA_DIGEST_READY = "cadence.CtaDigestReady.v1";
    public static final String PLAYBOOK_STARTED = "cadence.PlaybookStarted.v1";
    public static final String PLAYBOOK_TASK_DUE = "cadence.PlaybookTaskDue.v1";
    public static final String PLAYBOOK_COMPLETED = "cadence.PlaybookCompleted.v1";

    // roadmap-service -> {@link Topics#ROADMAP}
    public static final String ASSESSMENT_COMPLETED = "roadmap.AssessmentCompleted.v1";
    public static final String INITIATIVE_CREATED = "roadmap.InitiativeCreated.v1";
    public static final String INITIATIVE_STATE_CHANGED = "roadmap.InitiativeStateChanged.v1";
    public static final String INITIATIVE_APPROVED = "roadmap.InitiativeApproved.v1";
    public static final String INITIATIVE_COMPLETED = "roadmap.InitiativeCompleted.v1";
    public static final String ROADMAP_RESEQUENCED = "roadmap.RoadmapResequenced.v1";
    public static final String BUDGET_UPDATED = "roadmap.BudgetUpdated.v1";
    public static final String PROPOSAL_SENT = "roadmap.ProposalSent.v1";
    public static final String PROPOSAL_AGING = "roadmap.ProposalAging.v1";
    public static final String PROPOSAL_ACCEPTED = "roadmap.ProposalAccepted.v1";
    public static final String PROPOSAL_DECLINED = "roadmap.ProposalDeclined.v1";
    public static final String PROPOSAL_CLOSED = "roadmap.ProposalClosed.v1";

    public static final List<String> ALL = List.of(
            CLIENT_REGISTERED,
            CLIENT_UPDATED,
            SEGMENT_ASSIGNED,
            SEGMENT_CHANGED,
            SEGMENT_OVERRIDDEN,
            SEGMENT_OVERRIDE_ENDED,
            OWNER_ASSIGNED,
            CAPACITY_BREACHED,
            CAPACITY_RESTORED,
            SIGNALS_INGESTED,
            HEALTH_SCORED,
            HEALTH_COLOR_CHANGED,
            DMI_MEASURED,
            DMI_DROPPED,
            DMI_STALLED,
            ADOPTION_GATE_BREACHED,
            ADOPTION_GATE_CLEARED,
            BACKUP_RISK_DETECTED,
            BACKUP_RISK_CLEARED,
            COMPLAINT_LOGGED,
            MEETING_SCHEDULED,
            MEETING_HELD,
            RECAP_RECORDED,
            MEETING_CANCELLED,
            MEETING_MISSED,
            CADENCE_MISSED,
            DECISION_RECORDED,
            CTA_OPENED,
            CTA_UPDATED,
            CTA_CLOSED,
            CTA_ESCALATED,
            CTA_DIGEST_READY,
            PLAYBOOK_STARTED,
            PLAYBOOK_TASK_DUE,
            PLAYBOOK_COMPLETED,
            ASSESSMENT_COMPLETED,
            INITIATIVE_CREATED,
            INITIATIVE_STATE_CHANGED,
            INITIATIVE_APPROVED,
            INITIATIVE_COMPLETED,
            ROADMAP_RESEQUENCED,
            BUDGET_UPDATED,
            PROPOSAL_SENT,
            PROPOSAL_AGING,
            PROPOSAL_ACCEPTED,
            PROPOSAL_DECLINED,
            PROPOSAL_CLOSED);

    private EventTypes() {
    }

    /** The topic an event type is published on: its domain names the producing service. */
    public static String topicOf(String type) {
        return switch (type.substring(0, type.indexOf('.'))) {
            case "segmentation" -> Topics.SEGMENTATION;
            case "health" -> Topics.HEALTH;
            case "cadence" -> Topics.CADENCE;
            case "roadmap" -> Topics.ROADMAP;
            default -> throw new IllegalArgumentException("no topic for event type " + type);
        };
    }
}
