package io.mspcs.health.repository;

import io.mspcs.health.domain.CoverageObservation;
import io.mspcs.health.domain.CoverageReading;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The current coverage of one insight for one client. */
@Entity
@Table(name = "dmi_coverage")
public class DmiCoverageEntity {

    public static final String MANUAL = "manual";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "insight_code")
    public String insightCode;
    public BigDecimal coverage;
    public Integer numerator;
    public Integer denominator;
    @Column(name = "observed_at")
    public Instant observedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String source;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static DmiCoverageEntity of(UUID tenantId, UUID clientId, CoverageObservation observation, String source,
                                       Instant at) {
        DmiCoverageEntity entity = new DmiCoverageEntity();
        entity.id = UUID.randomUUID();
        entity.tenantId = tenantId;
        entity.clientId = clientId;
        entity.insightCode = observation.insightCode();
        entity.createdAt = at;
        entity.apply(observation, source, at);
        return entity;
    }

    /**
     * Takes a newer (or equally recent) observation; an older one never overwrites. Writes only what differs, so
     * re-sending the same value changes no row.
     */
    public boolean accept(CoverageObservation observation, String source, Instant at) {
        if (observation.observedAt().isBefore(observedAt)) {
            return false;
        }
        boolean same = coverage.compareTo(observation.coverage()) == 0 && observedAt.equals(observation.observedAt())
                && Objects.equals(numerator, observation.numerator())
                && Objects.equals(denominator, observation.denominator())
                && Objects.equals(note, observation.note()) && Objects.equals(this.source, source);
        if (!same) {
            apply(observation, source, at);
        }
        return !same;
    }

    private void apply(CoverageObservation observation, String source, Instant at) {
        coverage = observation.coverage();
        numerator = observation.numerator();
        denominator = observation.denominator();
        observedAt = observation.observedAt();
        note = observation.note();
        this.source = source;
        receivedAt = at;
        updatedAt = at;
    }

    public CoverageReading toReading() {
        return new CoverageReading(insightCode, coverage, observedAt, source);
    }
}
