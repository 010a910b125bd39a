package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The newest fact about one condition of a client (cadence.md §5.4): ACTIVE or CLEARED, with its event time. */
@Entity
@Table(name = "condition_state")
public class ConditionStateEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String key;
    public String state;
    @Column(name = "event_time")
    public Instant eventTime;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
