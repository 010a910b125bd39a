package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A time rule waiting for the sweep (cadence.md §3.2): PENDING until it fires (DONE) or a state change voids it. */
@Entity
@Table(name = "timer")
public class TimerEntity {

    public static final String SLOT_MISS = "SLOT_MISS";
    public static final String CTA_FIRST_ACTION = "CTA_FIRST_ACTION";
    public static final String CTA_DUE = "CTA_DUE";
    public static final String SNOOZE_END = "SNOOZE_END";
    /** Playbook task notices (§6.2): DUE_SOON 24 h before the due date, OVERDUE at it; subject = the task. */
    public static final String TASK_DUE_SOON = "TASK_DUE_SOON";
    public static final String TASK_OVERDUE = "TASK_OVERDUE";
    public static final String PENDING = "PENDING";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String kind;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "fire_at")
    public Instant fireAt;
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static String taskNotice(io.mspcs.cadence.domain.TaskDueNotice.State state) {
        return "TASK_" + state.name();
    }

    public static TimerEntity of(UUID tenantId, UUID clientId, String kind, UUID subjectId, Instant fireAt, Instant at) {
        TimerEntity timer = new TimerEntity();
        timer.id = UUID.randomUUID();
        timer.tenantId = tenantId;
        timer.clientId = clientId;
        timer.kind = kind;
        timer.subjectId = subjectId;
        timer.fireAt = fireAt;
        timer.state = PENDING;
        timer.createdAt = at;
        timer.updatedAt = at;
        return timer;
    }
}
