package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Cadence's read model of a segmentation client; a row may start as a stub from whichever event came first. */
@Entity
@Table(name = "client_view")
public class ClientViewEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String name;
    public String status;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "registry_time")
    public Instant registryTime;
    public String segment;
    @Column(name = "mrr_band")
    public String mrrBand;
    @Column(name = "segment_time")
    public Instant segmentTime;
    @Column(name = "owners_assigned_at")
    public Instant ownersAssignedAt;
    @Column(name = "consecutive_misses")
    public int consecutiveMisses;
    @Column(name = "last_strategic_held_at")
    public Instant lastStrategicHeldAt;
    @Column(name = "cadence_policy_version")
    public Integer cadencePolicyVersion;
    /** The segment the client's cadence lines were made for (null: no lines yet). */
    @Column(name = "cadence_segment")
    public String cadenceSegment;
    @Column(name = "contract_renewal_date")
    public LocalDate contractRenewalDate;
    @Column(name = "fiscal_year_end_month")
    public Integer fiscalYearEndMonth;
    /** The latest composite health colour (by event time), null until health has spoken. */
    @Column(name = "composite_color")
    public String compositeColor;
    @Column(name = "composite_color_time")
    public Instant compositeColorTime;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static ClientViewEntity stub(UUID tenantId, UUID clientId, Instant at) {
        ClientViewEntity client = new ClientViewEntity();
        client.id = UUID.randomUUID();
        client.tenantId = tenantId;
        client.clientId = clientId;
        client.createdAt = at;
        client.updatedAt = at;
        return client;
    }

    /** Churned clients get no new CTAs (cadence.md §7.3 rule 5). */
    public boolean churned() {
        return "CHURNED".equals(status);
    }
}
