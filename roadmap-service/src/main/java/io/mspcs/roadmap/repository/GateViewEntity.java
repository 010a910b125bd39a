package io.mspcs.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A health gate as roadmap knows it from events (roadmap.md §3.7 GateView). */
@Entity
@Table(name = "gate_view")
public class GateViewEntity {

    public static final String FIX_FIRST = "FIX_FIRST";
    public static final String SEQUENCING = "SEQUENCING";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "gate_id")
    public UUID gateId;
    public String gate;
    public boolean open;
    @JdbcTypeCode(SqlTypes.JSON)
    public FailingColumn failing;
    public Instant since;
    /** {@code time} of the last gate event applied: an older one changes nothing. */
    @Column(name = "event_time")
    public Instant eventTime;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static GateViewEntity of(UUID tenantId, UUID clientId, UUID gateId, String gate, boolean open,
                                    FailingColumn failing, Instant since, Instant eventTime, Instant now) {
        GateViewEntity view = new GateViewEntity();
        view.id = UUID.randomUUID();
        view.tenantId = tenantId;
        view.clientId = clientId;
        view.gateId = gateId;
        view.gate = gate;
        view.open = open;
        view.failing = failing;
        view.since = since;
        view.eventTime = eventTime;
        view.createdAt = now;
        view.updatedAt = now;
        return view;
    }

    public boolean isOpenFixFirst() {
        return open && FIX_FIRST.equals(gate);
    }
}
