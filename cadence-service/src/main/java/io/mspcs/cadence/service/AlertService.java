package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.AlertBudget;
import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.domain.CtaNotice;
import io.mspcs.cadence.domain.Digest;
import io.mspcs.cadence.domain.Notification;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaNoticeEntity;
import io.mspcs.cadence.repository.CtaNoticeRepository;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-owner alert budget and the digest (cadence.md §5.7) on the event and REST paths; the sweep's batches do
 * the same with set-based writes. Every IMMEDIATE or DIGEST notification a CTA change carries is recorded as a
 * notice; the budget counts the recipient's IMMEDIATE notices of the local day, and the digest timer (one pending
 * per tenant, at {@code digestTime} on working days) collects the DIGEST notices since the last digest.
 */
@ApplicationScoped
public class AlertService {

    public static final String DIGEST_TIMER = "CTA_DIGEST";

    private static final String PLAN_DIGEST = """
            insert into timer (id, tenant_id, client_id, kind, subject_id, fire_at, state, created_at, updated_at, version)
            values (gen_random_uuid(), :tenant, :tenant, 'CTA_DIGEST', :tenant, :fireAt, 'PENDING', :now, :now, 0)
            on conflict (tenant_id) where kind = 'CTA_DIGEST' and state = 'PENDING' do nothing""";

    private final CtaNoticeRepository notices;
    private final PolicyService policies;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AlertService(CtaNoticeRepository notices, PolicyService policies, OutboxWriter outbox, Clock clock) {
        this.notices = notices;
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A CTA is opening: a HIGH one waits for the digest once its owner used today's budget (the CTA's
     * {@code notification} is set before its {@code CtaOpened} is built); the notice is recorded.
     */
    public Uni<Void> opened(CtaEntity cta) {
        Instant at = now();
        return policies.ensure(cta.tenantId).chain(versioned -> {
            CadencePolicy policy = versioned.policy();
            if (cta.priority != Priority.HIGH || cta.notification != Notification.IMMEDIATE || cta.ownerMemberId == null) {
                return record(cta, CtaNotice.OPENED, cta.notification, at, policy);
            }
            LocalDate today = at.atZone(policy.zone()).toLocalDate();
            return notices.immediateCount(cta.tenantId, cta.ownerMemberId, today).chain(used -> {
                cta.notification = AlertBudget.opened(cta.priority, used.intValue(), policy.alertDailyBudget());
                return record(cta, CtaNotice.OPENED, cta.notification, at, policy);
            });
        });
    }

    /** A change of an open CTA notified as {@code notification} (repeats, wake-ups … are DIGEST). */
    public Uni<Void> changed(CtaEntity cta, Notification notification, String change) {
        if (notification == Notification.NONE) {
            return Uni.createFrom().voidItem();
        }
        Instant at = now();
        return policies.ensure(cta.tenantId).chain(versioned -> record(cta, change, notification, at, versioned.policy()));
    }

    private Uni<Void> record(CtaEntity cta, String change, Notification notification, Instant at, CadencePolicy policy) {
        CtaNotice notice = CtaNotice.of(cta.ownerMemberId, policy.csLeaderMemberId(), item(cta, change), notification,
                at, policy.zone());
        if (notice == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> stored = notices.persist(CtaNoticeEntity.of(cta.tenantId, notice)).replaceWithVoid();
        return notification == Notification.DIGEST
                ? stored.chain(() -> planDigest(cta.tenantId, AlertBudget.nextDigest(at, policy.digestTime(),
                policy.calendar()), at))
                : stored;
    }

    public static Digest.Item item(CtaEntity cta, String change) {
        return new Digest.Item(cta.id, cta.clientId, cta.kind.name(), cta.title, cta.priority.name(), cta.dueAt, change);
    }

    private Uni<Void> planDigest(UUID tenantId, Instant fireAt, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PLAN_DIGEST)
                .setParameter("tenant", tenantId).setParameter("fireAt", fireAt)
                .setParameter("now", at.truncatedTo(ChronoUnit.MILLIS)).executeUpdate()).replaceWithVoid();
    }

    /**
     * The digest timer (run by {@link RuleTimerSweep} inside its transaction, already DONE): one
     * {@code CtaDigestReady} per member with DIGEST items noticed by {@code fire_at}; those notices are marked with
     * the digest date, and a notice left for later plans the next digest.
     */
    public Uni<Void> fireDigest(TimerEntity timer) {
        Instant at = timer.fireAt;
        return policies.ensure(timer.tenantId).chain(versioned -> {
            CadencePolicy policy = versioned.policy();
            LocalDate date = at.atZone(policy.zone()).toLocalDate();
            EventContext context = new EventContext(timer.tenantId, "timer:" + timer.id, null);
            return notices.pending(timer.tenantId, at).chain(rows -> {
                Map<UUID, List<CtaNoticeEntity>> byMember = new LinkedHashMap<>();
                rows.stream().filter(row -> row.memberId != null)
                        .forEach(row -> byMember.computeIfAbsent(row.memberId, m -> new ArrayList<>()).add(row));
                List<Uni<Void>> work = new ArrayList<>();
                byMember.forEach((member, ofMember) -> {
                    Digest digest = digest(member, date, ofMember, policy);
                    if (!digest.items().isEmpty()) {
                        work.add(outbox.append(CtaEvents.digestReady(digest), context).replaceWithVoid());
                    }
                });
                return CadenceService.chain(work);
            }).chain(() -> notices.markDigested(timer.tenantId, at, date, now()))
                    .chain(() -> notices.oldestPending(timer.tenantId))
                    .chain(oldest -> oldest == null ? Uni.createFrom().voidItem()
                            : planDigest(timer.tenantId, AlertBudget.nextDigest(oldest.isAfter(at) ? oldest : at,
                            policy.digestTime(), policy.calendar()), now()));
        });
    }

    /**
     * {@code GET /ctas/digest}: the member's digest of {@code date} as it was emitted, or, while that digest has not
     * been taken yet, what it will hold so far.
     */
    @WithTransaction
    public Uni<Digest> digestOf(UUID tenantId, UUID memberId, LocalDate date) {
        return policies.current(tenantId).chain(versioned -> {
            CadencePolicy policy = versioned.policy();
            Instant digestAt = date.atTime(policy.digestTime()).atZone(policy.zone()).toInstant();
            return notices.digestedOf(tenantId, memberId, date).chain(taken -> taken.isEmpty()
                    ? notices.pendingOf(tenantId, memberId, digestAt)
                    : Uni.createFrom().item(taken))
                    .map(rows -> digest(memberId, date, rows, policy));
        });
    }

    private static Digest digest(UUID member, LocalDate date, List<CtaNoticeEntity> rows, CadencePolicy policy) {
        List<Digest.Item> digestItems = rows.stream().filter(row -> Notification.DIGEST.name().equals(row.notification))
                .map(CtaNoticeEntity::item).toList();
        int used = (int) rows.stream().filter(row -> row.counted).count();
        return new Digest(member, date, Digest.collapse(digestItems), used, policy.alertDailyBudget());
    }

    private Instant now() {
        return clock.instant();
    }
}
