package io.mspcs.health.repository;

import io.mspcs.health.domain.BandProfile;
import io.mspcs.health.domain.ClientStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A client's health record; a stub until its ClientRegistered arrives ({@link #registered()}). */
@Entity
@Table(name = "client_health")
public class ClientHealthEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String source;
    @Column(name = "external_id")
    public String externalId;
    public String name;
    @Enumerated(EnumType.STRING)
    public ClientStatus status;
    @Column(name = "registered_at")
    public Instant registeredAt;
    public String segment;
    @Column(name = "segment_provisional")
    public boolean segmentProvisional;
    @Column(name = "segment_at")
    public Instant segmentAt;
    @Column(name = "dmi_complete")
    public boolean dmiComplete;
    @Column(name = "dirty_at")
    public Instant dirtyAt;
    @Column(name = "current_score_id")
    public UUID currentScoreId;
    public java.math.BigDecimal composite;
    @Enumerated(EnumType.STRING)
    @Column(name = "composite_color")
    public io.mspcs.health.domain.Color compositeColor;
    /** Last non-null colour of tier1Dmi (SEQUENCING gate hysteresis). */
    @Enumerated(EnumType.STRING)
    @Column(name = "tier1_color")
    public io.mspcs.health.domain.Color tier1Color;
    /** The last month (YYYY-MM) whose cycle close this client has passed (health.md §3.3). */
    @Column(name = "cycle_period")
    public String cyclePeriod;
    /** The next instant a time-based input changes; the sweep recomputes the client then (health.md §8). */
    @Column(name = "next_review_at")
    public Instant nextReviewAt;
    @Column(name = "scored_at")
    public Instant scoredAt;
    @Column(name = "data_as_of")
    public Instant dataAsOf;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static ClientHealthEntity stub(UUID tenantId, UUID clientId, Instant at) {
        ClientHealthEntity client = new ClientHealthEntity();
        client.id = UUID.randomUUID();
        client.tenantId = tenantId;
        client.clientId = clientId;
        client.createdAt = at;
        client.updatedAt = at;
        return client;
    }

    public boolean registered() {
        return registeredAt != null;
    }

    public void register(String source, String externalId, String name, ClientStatus status, Instant registeredAt,
                         Instant at) {
        this.source = source;
        this.externalId = externalId;
        this.name = name;
        this.status = status;
        this.registeredAt = registeredAt;
        this.updatedAt = at;
        // the first sweep scores a new client (inputs MISSING) and plans its reviews from then on
        if (nextReviewAt == null) {
            nextReviewAt = at;
        }
    }

    /** Applies a segment observed at {@code eventTime} unless a newer one is already known; true if applied. */
    public boolean applySegment(String segment, boolean provisional, Instant eventTime, Instant at) {
        if (segmentAt != null && !eventTime.isAfter(segmentAt)) {
            return false;
        }
        this.segment = segment;
        this.segmentProvisional = provisional;
        this.segmentAt = eventTime;
        this.updatedAt = at;
        return true;
    }

    public BandProfile bandProfile() {
        return BandProfile.of(segment, segmentProvisional);
    }

    public void recordDmiCompleteness(boolean complete, Instant at) {
        if (dmiComplete != complete) {
            dmiComplete = complete;
            updatedAt = at;
        }
    }
}
