package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A task of a run: OPEN, DONE or SKIPPED; {@code dueLocked} when a person set the due date by hand. */
@Entity
@Table(name = "playbook_task")
public class PlaybookTaskEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "run_id")
    public UUID runId;
    public int seq;
    @Column(name = "task_key")
    public String taskKey;
    public String title;
    @Column(name = "owner_role")
    public String ownerRole;
    @Column(name = "owner_member_id")
    public UUID ownerMemberId;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "due_locked")
    public boolean dueLocked;
    public boolean required;
    public String status;
    @Column(name = "completed_at")
    public Instant completedAt;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
