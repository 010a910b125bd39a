package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.CtaNotice;
import io.mspcs.cadence.domain.Digest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One notification a CTA change carried (cadence.md §5.7); see V10 for how budget and digest read it. */
@Entity
@Table(name = "cta_notice")
public class CtaNoticeEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "cta_id")
    public UUID ctaId;
    @Column(name = "client_id")
    public UUID clientId;
    public String kind;
    public String title;
    public String priority;
    @Column(name = "due_at")
    public Instant dueAt;
    public String change;
    public String notification;
    public boolean counted;
    @Column(name = "local_day")
    public LocalDate localDay;
    @Column(name = "noticed_at")
    public Instant noticedAt;
    @Column(name = "digest_date")
    public LocalDate digestDate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static CtaNoticeEntity of(UUID tenantId, CtaNotice notice) {
        CtaNoticeEntity row = new CtaNoticeEntity();
        row.id = UUID.randomUUID();
        row.tenantId = tenantId;
        row.memberId = notice.memberId();
        Digest.Item item = notice.item();
        row.ctaId = item.ctaId();
        row.clientId = item.clientId();
        row.kind = item.kind();
        row.title = item.title();
        row.priority = item.priority();
        row.dueAt = item.dueAt();
        row.change = item.change();
        row.notification = notice.notification().name();
        row.counted = notice.counted();
        row.localDay = notice.localDay();
        row.noticedAt = notice.noticedAt();
        row.createdAt = notice.noticedAt();
        row.updatedAt = notice.noticedAt();
        return row;
    }

    public Digest.Item item() {
        return new Digest.Item(ctaId, clientId, kind, title, priority, dueAt, change);
    }
}
