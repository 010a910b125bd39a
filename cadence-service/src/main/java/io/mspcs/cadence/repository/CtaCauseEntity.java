package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.Cause;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "cta_cause")
public class CtaCauseEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "cta_id")
    public UUID ctaId;
    public int seq;
    @Column(name = "event_id")
    public UUID eventId;
    public String type;
    public Instant time;
    @Column(name = "cause_key")
    public String causeKey;
    @Column(name = "correlation_id")
    public String correlationId;
    public String summary;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static CtaCauseEntity of(UUID tenantId, UUID ctaId, int seq, Cause cause, Instant at) {
        CtaCauseEntity entity = new CtaCauseEntity();
        entity.id = UUID.randomUUID();
        entity.tenantId = tenantId;
        entity.ctaId = ctaId;
        entity.seq = seq;
        entity.eventId = cause.eventId();
        entity.type = cause.type();
        entity.time = cause.time();
        entity.causeKey = cause.causeKey();
        entity.correlationId = cause.correlationId();
        entity.summary = cause.summary();
        entity.createdAt = at;
        entity.updatedAt = at;
        return entity;
    }

    public Cause cause() {
        return new Cause(eventId, type, time, causeKey, correlationId, summary);
    }
}
