package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.gateway.repository.ApiKeyRepository.instant;
import static io.mspcs.gateway.repository.ApiKeyRepository.utc;

/** Webhook deliveries and their attempt log (gateway.md §6); every read for the API names the tenant. */
@ApplicationScoped
public class WebhookDeliveryRepository {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String GIVEN_UP = "GIVEN_UP";

    private static final String COLUMNS = "id, tenant_id, subscription_id, event_id, event_type, status, attempts, "
            + "next_attempt_at, last_http_status, delivered_at, created_at";

    private final ScopedDatabase db;

    public WebhookDeliveryRepository(ScopedDatabase db) {
        this.db = db;
    }

    public record NewDelivery(UUID id, UUID tenantId, UUID subscriptionId, UUID eventId, String eventType,
                              String payload) {
    }

    public record StoredDelivery(UUID id, UUID tenantId, UUID subscriptionId, UUID eventId, String eventType,
                                 String status, int attempts, Instant nextAttemptAt, Integer lastHttpStatus,
                                 Instant deliveredAt, Instant createdAt) {
    }

    /** A due delivery taken by this worker, with what it needs to send it. */
    public record Claimed(UUID id, UUID tenantId, UUID subscriptionId, UUID eventId, String payload, int attempts,
                          String url, byte[] secret, byte[] previousSecret, Instant previousSecretUntil) {
    }

    public record Attempt(UUID deliveryId, int attempt, Instant attemptedAt, Integer httpStatus, long durationMs,
                          String error, String responseExcerpt) {
    }

    /** Inserts what is new; a (subscription, event) pair that already has a delivery is left alone. */
    public Uni<Void> insert(UUID tenantId, List<NewDelivery> deliveries, Instant at) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = deliveries.stream().map(d -> Tuple.tuple().addUUID(d.id()).addUUID(d.tenantId())
                .addUUID(d.subscriptionId()).addUUID(d.eventId()).addString(d.eventType()).addString(d.payload())
                .addOffsetDateTime(utc(at))).toList();
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        insert into webhook_delivery (id, tenant_id, subscription_id, event_id, event_type, payload, status,
                                                      attempts, next_attempt_at, created_at, updated_at, version)
                        values ($1, $2, $3, $4, $5, $6, 'PENDING', 0, $7, $7, $7, 0)
                        on conflict (subscription_id, event_id) do nothing""")
                .executeBatch(batch).replaceWithVoid());
    }

    /**
     * Takes up to {@code limit} due deliveries of active subscriptions, at most {@code perSubscription} of each. The claim pushes their next attempt out by
     * {@code lease}, so the row is not held locked during the HTTP call and other replicas skip it meanwhile.
     */
    public Uni<List<Claimed>> claimDue(Instant now, Duration lease, int limit, int perSubscription) {
        // the worker finds due rows of every tenant in one claim; each attempt is then recorded under its tenant
        return db.acrossTenants("webhook worker claiming due deliveries", connection -> connection.preparedQuery("""
                        with ranked as (
                            select d.id, d.next_attempt_at,
                                   row_number() over (partition by d.subscription_id order by d.next_attempt_at) as place
                            from webhook_delivery d
                            join webhook_subscription s on s.id = d.subscription_id and s.tenant_id = d.tenant_id
                            where d.status = 'PENDING' and d.next_attempt_at <= $1 and s.active),
                        due as (
                            select d.id from webhook_delivery d
                            where d.id in (select id from ranked where place <= $4)
                              and d.status = 'PENDING' and d.next_attempt_at <= $1
                            order by d.next_attempt_at
                            limit $3
                            for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = $2, updated_at = $1, version = d.version + 1
                        from due, webhook_subscription s
                        where d.id = due.id and s.id = d.subscription_id
                        returning d.id, d.tenant_id, d.subscription_id, d.event_id, d.payload, d.attempts, s.url,
                                  s.secret_ciphertext, s.previous_secret_ciphertext, s.previous_secret_until""")
                .execute(Tuple.of(utc(now), utc(now.plus(lease)), limit, perSubscription)).map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new Claimed(row.getUUID("id"), row.getUUID("tenant_id"),
                            row.getUUID("subscription_id"), row.getUUID("event_id"), row.getString("payload"),
                            row.getInteger("attempts"), row.getString("url"),
                            row.getBuffer("secret_ciphertext").getBytes(),
                            row.getBuffer("previous_secret_ciphertext") == null ? null
                                    : row.getBuffer("previous_secret_ciphertext").getBytes(),
                            instant(row, "previous_secret_until"))));
                    return claimed;
                }));
    }

    /**
     * Records one attempt and its consequence: {@code status} DELIVERED, PENDING (retry at {@code nextAttemptAt}) or
     * GIVEN_UP; success clears the subscription's failing streak, a failure starts it.
     */
    public Uni<Void> recordAttempt(Claimed delivery, Attempt attempt, String status, Instant nextAttemptAt) {
        Instant at = attempt.attemptedAt();
        return db.inTenant(delivery.tenantId(), connection -> connection.preparedQuery("""
                                insert into webhook_delivery_attempt (id, tenant_id, delivery_id, attempt, attempted_at, http_status,
                                                                      duration_ms, error, response_excerpt, created_at, updated_at, version)
                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $5, $5, 0)""")
                        .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(delivery.tenantId())
                                .addUUID(delivery.id()).addInteger(attempt.attempt()).addOffsetDateTime(utc(at))
                                .addInteger(attempt.httpStatus()).addInteger((int) Math.min(Integer.MAX_VALUE, attempt.durationMs()))
                                .addString(attempt.error()).addString(attempt.responseExcerpt()))
                        .chain(() -> connection.preparedQuery("""
                                        update webhook_delivery set status = $2, attempts = $3, next_attempt_at = $4,
                                               last_http_status = $5, delivered_at = $6, updated_at = $7, version = version + 1
                                        where tenant_id = $8 and id = $1""")
                                .execute(Tuple.tuple().addUUID(delivery.id()).addString(status).addInteger(attempt.attempt())
                                        .addOffsetDateTime(nextAttemptAt == null ? null : utc(nextAttemptAt))
                                        .addInteger(attempt.httpStatus())
                                        .addOffsetDateTime(DELIVERED.equals(status) ? utc(at) : null)
                                        .addOffsetDateTime(utc(at)).addUUID(delivery.tenantId())))
                        .chain(() -> connection.preparedQuery(DELIVERED.equals(status)
                                        ? "update webhook_subscription set failing_since = null"
                                                + " where tenant_id = $3 and id = $1 and $2::timestamptz is not null"
                                        : "update webhook_subscription set failing_since = coalesce(failing_since, $2)"
                                                + " where tenant_id = $3 and id = $1")
                                .execute(Tuple.of(delivery.subscriptionId(), utc(at), delivery.tenantId()))))
                .replaceWithVoid();
    }

    /** When the subscription's current run of failures started; null after a success. */
    public Uni<Instant> failingSince(UUID tenantId, UUID subscriptionId) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select failing_since from webhook_subscription where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, subscriptionId))
                .map(rows -> rows.size() == 0 ? null : instant(rows.iterator().next(), "failing_since")));
    }

    public Uni<Void> disable(UUID tenantId, UUID subscriptionId, String status, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update webhook_subscription set active = false, status = $3, updated_at = $4, version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.of(tenantId, subscriptionId, status, utc(at))).replaceWithVoid());
    }

    public Uni<List<StoredDelivery>> page(UUID tenantId, UUID subscriptionId, Instant beforeCreatedAt, UUID beforeId,
                                          int limit) {
        Tuple args = Tuple.tuple().addUUID(tenantId).addUUID(subscriptionId)
                .addOffsetDateTime(beforeCreatedAt == null ? null : utc(beforeCreatedAt)).addUUID(beforeId)
                .addInteger(limit);
        return db.inTenant(tenantId, c -> c.preparedQuery("select " + COLUMNS + """
                         from webhook_delivery
                        where tenant_id = $1 and ($2::uuid is null or subscription_id = $2)
                          and ($3::timestamptz is null or (created_at, id) < ($3, $4))
                        order by created_at desc, id desc limit $5""")
                .execute(args).map(rows -> {
                    List<StoredDelivery> list = new ArrayList<>();
                    rows.forEach(row -> list.add(toDelivery(row)));
                    return list;
                }));
    }

    public Uni<StoredDelivery> find(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from webhook_delivery where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(rows -> rows.size() == 0 ? null : toDelivery(rows.iterator().next())));
    }

    /** The attempt log of these deliveries, oldest first. */
    public Uni<Map<UUID, List<Attempt>>> attempts(UUID tenantId, List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        select delivery_id, attempt, attempted_at, http_status, duration_ms, error, response_excerpt
                        from webhook_delivery_attempt where tenant_id = $1 and delivery_id = any($2)
                        order by attempted_at, attempt""")
                .execute(Tuple.of(tenantId, deliveryIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, List<Attempt>> byDelivery = new HashMap<>();
                    rows.forEach(row -> byDelivery.computeIfAbsent(row.getUUID("delivery_id"), id -> new ArrayList<>())
                            .add(new Attempt(row.getUUID("delivery_id"), row.getInteger("attempt"),
                                    instant(row, "attempted_at"), row.getInteger("http_status"),
                                    row.getInteger("duration_ms"), row.getString("error"),
                                    row.getString("response_excerpt"))));
                    return byDelivery;
                }));
    }

    /** Forgets finished deliveries (and their attempts) created before {@code before}: the log keeps 30 days. */
    public Uni<Integer> purge(Instant before) {
        // one batch delete over every tenant's old log (attempts cascade): per-tenant transactions would cost a scan each
        return db.acrossTenants("retention of the webhook delivery log", c -> c
                .preparedQuery("delete from webhook_delivery where created_at < $1 and status <> 'PENDING'")
                .execute(Tuple.of(utc(before))).map(rows -> rows.rowCount()));
    }

    /** Puts a delivery back in the queue with a fresh schedule (manual redeliver). */
    public Uni<Boolean> requeue(UUID tenantId, UUID id, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = $3, updated_at = $3,
                               version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.of(tenantId, id, utc(at))).map(rows -> rows.rowCount() > 0));
    }

    private static StoredDelivery toDelivery(Row row) {
        return new StoredDelivery(row.getUUID("id"), row.getUUID("tenant_id"), row.getUUID("subscription_id"),
                row.getUUID("event_id"), row.getString("event_type"), row.getString("status"),
                row.getInteger("attempts"), instant(row, "next_attempt_at"), row.getInteger("last_http_status"),
                instant(row, "delivered_at"), instant(row, "created_at"));
    }
}
