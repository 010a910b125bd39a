package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.FiscalCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The client as roadmap knows it from segmentation events, and the DMI drop it last applied. */
@Entity
@Table(name = "client_view")
public class ClientViewEntity {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String name;
    public String status;
    @Column(name = "fiscal_year_end_month")
    public short fiscalYearEndMonth;
    public String currency;
    public boolean provisional;
    /** {@code time} of the last ClientRegistered/ClientUpdated applied; older ones change nothing. */
    @Column(name = "client_event_time")
    public Instant clientEventTime;
    @Column(name = "dmi_snapshot_id")
    public UUID dmiSnapshotId;
    public BigDecimal dmi;
    @Column(name = "dmi_measured_at")
    public Instant dmiMeasuredAt;
    /** Effective segment letter from SegmentAssigned / SegmentChanged; null while unsegmented. */
    public String segment;
    @Column(name = "segment_event_time")
    public Instant segmentEventTime;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /** A client first heard of through another event: defaults until ClientRegistered fills it in. */
    public static ClientViewEntity provisional(UUID tenantId, UUID clientId, String currency, Instant now) {
        ClientViewEntity view = new ClientViewEntity();
        view.id = UUID.randomUUID();
        view.tenantId = tenantId;
        view.clientId = clientId;
        view.status = ACTIVE;
        view.fiscalYearEndMonth = FiscalCalendar.DEFAULT_END_MONTH;
        view.currency = currency;
        view.provisional = true;
        view.createdAt = now;
        view.updatedAt = now;
        return view;
    }

    public FiscalCalendar fiscalCalendar() {
        return new FiscalCalendar(fiscalYearEndMonth);
    }

    /** Applies a registry snapshot if it is newer than the one applied; a provisional view takes any. */
    public boolean applyRegistry(String name, String status, int fiscalYearEndMonth, String currency, Instant eventTime,
                                 Instant now) {
        if (clientEventTime != null && !eventTime.isAfter(clientEventTime)) {
            return false;
        }
        this.name = name;
        this.status = status;
        this.fiscalYearEndMonth = (short) fiscalYearEndMonth;
        this.currency = currency;
        this.provisional = false;
        this.clientEventTime = eventTime;
        this.updatedAt = now;
        return true;
    }

    /** Applies a DMI drop if it is newer than the last one (a replayed or late drop is ignored entirely). */
    public boolean applyDmiDrop(UUID snapshotId, BigDecimal dmi, Instant measuredAt, Instant now) {
        if (dmiMeasuredAt != null && !measuredAt.isAfter(dmiMeasuredAt)) {
            return false;
        }
        this.dmiSnapshotId = snapshotId;
        this.dmi = dmi;
        this.dmiMeasuredAt = measuredAt;
        this.updatedAt = now;
        return true;
    }

    /** Applies a segment if its time is newer than the one applied (roadmap.md §3.7): late events change nothing. */
    public boolean applySegment(String newSegment, Instant eventTime, Instant now) {
        if (segmentEventTime != null && !eventTime.isAfter(segmentEventTime)) {
            return false;
        }
        this.segment = newSegment;
        this.segmentEventTime = eventTime;
        this.updatedAt = now;
        return true;
    }
}
