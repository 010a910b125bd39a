package io.mspcs.health.repository;

import io.mspcs.health.domain.Color;
import io.mspcs.health.domain.DmiSheet;
import io.mspcs.health.domain.DmiSnapshotPolicy;
import io.mspcs.health.domain.SnapshotKind;
import io.mspcs.health.domain.SnapshotPoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A DMI snapshot (health.md §2.4). The JSON columns keep their own shapes, independent of the domain records. */
@Entity
@Table(name = "dmi_snapshot")
public class DmiSnapshotEntity {

    public record Category(String category, BigDecimal score) {
    }

    public record InsightValue(String insightCode, String category, BigDecimal coverage, BigDecimal target, int weight,
                               int tier) {
    }

    public record TopGap(String insightCode, String category, BigDecimal coverage, BigDecimal target, int weight,
                         BigDecimal gap) {
    }

    /** The lists of a snapshot, stored as one JSON object. */
    public record Contents(List<Category> categories, List<InsightValue> insights, List<TopGap> topGaps) {
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public int seq;
    @Enumerated(EnumType.STRING)
    public SnapshotKind kind;
    public String period;
    @Column(name = "measured_at")
    public Instant measuredAt;
    public BigDecimal dmi;
    @Column(name = "previous_dmi")
    public BigDecimal previousDmi;
    public BigDecimal delta;
    @Enumerated(EnumType.STRING)
    public Color color;
    public String method;
    @Column(name = "catalog_version")
    public int catalogVersion;
    @Column(name = "model_version")
    public int modelVersion;
    public BigDecimal completeness;
    @Column(name = "tier1_dmi")
    public BigDecimal tier1Dmi;
    @Column(name = "flat_cycles")
    public int flatCycles;
    @Column(name = "data_as_of")
    public Instant dataAsOf;
    public String segment;
    @Column(name = "band_profile")
    public String bandProfile;
    @JdbcTypeCode(SqlTypes.JSON)
    public Contents contents;
    @Column(name = "drop_reference")
    public BigDecimal dropReference;
    @Enumerated(EnumType.STRING)
    @Column(name = "drop_reference_color")
    public Color dropReferenceColor;
    public boolean dropped;
    public boolean stalled;
    /** CYCLE snapshots: the first CYCLE snapshot of the current flat run (DmiStalled.since). */
    @Column(name = "flat_since")
    public java.time.LocalDate flatSince;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /**
     * The snapshot a plan asks for. {@code dropReference} is kept for every snapshot that had one, so the history
     * shows how far each reading was from the drop line.
     */
    public static DmiSnapshotEntity take(UUID tenantId, UUID clientId, int seq, DmiSnapshotPolicy.Plan plan,
                                         DmiSheet sheet, String segment, int modelVersion, Instant at) {
        DmiSnapshotEntity snapshot = new DmiSnapshotEntity();
        snapshot.id = UUID.randomUUID();
        snapshot.tenantId = tenantId;
        snapshot.clientId = clientId;
        snapshot.seq = seq;
        snapshot.kind = plan.kind();
        snapshot.period = YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
        snapshot.measuredAt = at;
        snapshot.dmi = sheet.dmi();
        snapshot.previousDmi = plan.previousDmi();
        snapshot.delta = plan.delta();
        snapshot.color = sheet.color();
        snapshot.method = sheet.method().name();
        snapshot.catalogVersion = sheet.catalogVersion();
        snapshot.modelVersion = modelVersion;
        snapshot.completeness = sheet.completeness();
        snapshot.tier1Dmi = sheet.tier1Dmi();
        snapshot.flatCycles = 0;
        snapshot.dataAsOf = sheet.dataAsOf();
        snapshot.segment = segment;
        snapshot.bandProfile = sheet.profile().name();
        snapshot.contents = new Contents(
                sheet.categories().stream().map(c -> new Category(c.category(), c.score())).toList(),
                sheet.measured().stream().map(line -> new InsightValue(line.code(), line.category(), line.coverage(),
                        line.target(), line.weight(), line.tier())).toList(),
                sheet.topGaps().stream().map(g -> new TopGap(g.insightCode(), g.category(), g.coverage(), g.target(),
                        g.weight(), g.gap())).toList());
        if (plan.drop().reference() != null) {
            snapshot.dropReference = plan.drop().reference().dmi();
            snapshot.dropReferenceColor = plan.drop().reference().color();
        }
        snapshot.dropped = plan.dropped();
        snapshot.stalled = plan.stalled();
        if (plan.cycle() != null) {
            snapshot.period = plan.cycle().period().toString();
            snapshot.flatCycles = plan.cycle().flatCycles();
            snapshot.flatSince = plan.cycle().since();
        }
        snapshot.createdAt = at;
        snapshot.updatedAt = at;
        return snapshot;
    }

    /** For a CYCLE snapshot: what the next cycle's stall rule needs. */
    public DmiSnapshotPolicy.PreviousCycle toPreviousCycle() {
        return new DmiSnapshotPolicy.PreviousCycle(YearMonth.parse(period), dmi, flatCycles, flatSince);
    }

    public SnapshotPoint toPoint() {
        return new SnapshotPoint(id, seq, measuredAt, dmi, color, catalogVersion, dropped);
    }
}
