package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A playbook run (cadence.md §6.2): ACTIVE, COMPLETED or CANCELLED. */
@Entity
@Table(name = "playbook_run")
public class PlaybookRunEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "template_key")
    public String templateKey;
    @Column(name = "template_version")
    public int templateVersion;
    public String name;
    public String segment;
    @Column(name = "cta_id")
    public UUID ctaId;
    @Column(name = "owner_role")
    public String ownerRole;
    @Column(name = "owner_member_id")
    public UUID ownerMemberId;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "first_action_due_at")
    public Instant firstActionDueAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
