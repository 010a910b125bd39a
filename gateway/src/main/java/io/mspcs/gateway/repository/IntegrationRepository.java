package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.mspcs.gateway.repository.ApiKeyRepository.instant;
import static io.mspcs.gateway.repository.ApiKeyRepository.utc;

/**
 * Integration connections and their inbound callback log (gateway.md §9.2). Reads for the API name the tenant and
 * run under it; only the callback endpoint finds a connection by its id alone, since that id is what the PSA was
 * given, and only the worker looks for due callbacks across tenants.
 */
@ApplicationScoped
public class IntegrationRepository {

    public static final String ACTIVE = "ACTIVE";
    public static final String DEACTIVATED = "DEACTIVATED";
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String REJECTED = "REJECTED";
    public static final String SKIPPED = "SKIPPED";
    public static final String GIVEN_UP = "GIVEN_UP";

    private static final String CONNECTION_COLUMNS = "id, tenant_id, source, source_name, name, host, secret_ciphertext, "
            + "status, deactivated_at, created_at";
    private static final String CALLBACK_COLUMNS = "id, connection_id, entity, action, external_id, status, attempts, "
            + "received_at, next_attempt_at, completed_at, target, last_http_status, last_error, response_excerpt";

    private final ScopedDatabase db;

    public IntegrationRepository(ScopedDatabase db) {
        this.db = db;
    }

    public record StoredConnection(UUID id, UUID tenantId, String source, String sourceName, String name, String host,
                                   byte[] secretCiphertext, String status, Instant deactivatedAt, Instant createdAt) {
    }

    public record NewCallback(UUID id, UUID tenantId, UUID connectionId, String dedupeKey, String entity, String action,
                              String externalId, String body, Instant receivedAt) {
    }

    public record StoredCallback(UUID id, UUID connectionId, String entity, String action, String externalId,
                                 String status, int attempts, Instant receivedAt, Instant nextAttemptAt,
                                 Instant completedAt, String target, Integer lastHttpStatus, String lastError,
                                 String responseExcerpt) {
    }

    /** A due callback taken by this worker, with its connection's tenant and source. */
    public record ClaimedCallback(UUID id, UUID tenantId, UUID connectionId, String source, String sourceName,
                                  String body, int attempts, Instant receivedAt) {
    }

    /** The result of one forwarding attempt; {@code status} PENDING keeps it for {@code nextAttemptAt}. */
    public record Outcome(String status, Instant nextAttemptAt, String target, Integer httpStatus, String error,
                          String responseExcerpt) {
    }

    public Uni<Void> insertConnection(StoredConnection c, Instant at) {
        return db.inTenant(c.tenantId(), tx -> tx.preparedQuery("""
                        insert into integration_connection (id, tenant_id, source, source_name, name, host, secret_ciphertext,
                                                            status, created_at, updated_at, version)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 0)""")
                .execute(Tuple.tuple().addUUID(c.id()).addUUID(c.tenantId()).addString(c.source())
                        .addString(c.sourceName()).addString(c.name()).addString(c.host())
                        .addValue(c.secretCiphertext() == null ? null : Buffer.buffer(c.secretCiphertext()).getDelegate())
                        .addString(c.status()).addOffsetDateTime(utc(at)))
                .replaceWithVoid());
    }

    public Uni<List<StoredConnection>> listConnections(UUID tenantId) {
        return db.inTenant(tenantId, c -> c.preparedQuery("select " + CONNECTION_COLUMNS
                        + " from integration_connection where tenant_id = $1 order by created_at, id")
                .execute(Tuple.of(tenantId)).map(rows -> {
                    List<StoredConnection> list = new ArrayList<>();
                    rows.forEach(row -> list.add(toConnection(row)));
                    return list;
                }));
    }

    public Uni<StoredConnection> findConnection(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + CONNECTION_COLUMNS + " from integration_connection where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(rows -> rows.size() == 0 ? null : toConnection(rows.iterator().next())));
    }

    /** The connection a PSA calls; its tenant is the one every stored callback belongs to. */
    public Uni<StoredConnection> findConnectionForCallback(UUID id) {
        // the signature-only callback route: the connection found is what names the tenant
        return db.acrossTenants("callback intake finding its connection by id", c -> c
                .preparedQuery("select " + CONNECTION_COLUMNS + " from integration_connection where id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : toConnection(rows.iterator().next())));
    }

    public Uni<Boolean> updateConnection(UUID tenantId, UUID id, String name, String host, String status, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update integration_connection set name = $3, host = $4, status = $5::varchar,
                               deactivated_at = case when $5::varchar = 'DEACTIVATED' then coalesce(deactivated_at, $6) else null end,
                               updated_at = $6, version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.tuple().addUUID(tenantId).addUUID(id).addString(name).addString(host).addString(status)
                        .addOffsetDateTime(utc(at)))
                .map(rows -> rows.rowCount() > 0));
    }

    public Uni<Boolean> deleteConnection(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("delete from integration_connection where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(rows -> rows.rowCount() > 0));
    }

    /** Stores the callback unless one with the same key is already there; true when it is new. */
    public Uni<Boolean> insertCallback(NewCallback c) {
        return db.inTenant(c.tenantId(), tx -> tx.preparedQuery("""
                        insert into inbound_callback (id, tenant_id, connection_id, dedupe_key, entity, action, external_id,
                                                      body, status, attempts, received_at, next_attempt_at, created_at,
                                                      updated_at, version)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING', 0, $9, $9, $9, $9, 0)
                        on conflict (connection_id, dedupe_key) do nothing""")
                .execute(Tuple.tuple().addUUID(c.id()).addUUID(c.tenantId()).addUUID(c.connectionId())
                        .addString(c.dedupeKey()).addString(cut(c.entity(), 100)).addString(cut(c.action(), 100))
                        .addString(cut(c.externalId(), 100)).addString(c.body()).addOffsetDateTime(utc(c.receivedAt())))
                .map(rows -> rows.rowCount() > 0));
    }

    /** Takes due callbacks, pushing their next attempt out by {@code lease} so other replicas skip them meanwhile. */
    public Uni<List<ClaimedCallback>> claimDue(Instant now, Duration lease, int limit) {
        // the worker finds due rows of every tenant in one claim; each outcome is then recorded under its tenant
        return db.acrossTenants("callback worker claiming due callbacks", connection -> connection.preparedQuery("""
                        with due as (
                            select id from inbound_callback
                            where status = 'PENDING' and next_attempt_at <= $1
                            order by next_attempt_at
                            limit $3
                            for update skip locked)
                        update inbound_callback b set next_attempt_at = $2, updated_at = $1, version = b.version + 1
                        from due, integration_connection c
                        where b.id = due.id and c.id = b.connection_id
                        returning b.id, b.tenant_id, b.connection_id, c.source, c.source_name, b.body, b.attempts,
                                  b.received_at""")
                .execute(Tuple.of(utc(now), utc(now.plus(lease)), limit)).map(rows -> {
                    List<ClaimedCallback> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new ClaimedCallback(row.getUUID("id"), row.getUUID("tenant_id"),
                            row.getUUID("connection_id"), row.getString("source"), row.getString("source_name"),
                            row.getString("body"), row.getInteger("attempts"), instant(row, "received_at"))));
                    return claimed;
                }));
    }

    public Uni<Void> record(UUID tenantId, UUID id, Outcome outcome, Instant at) {
        boolean done = !outcome.status().equals(PENDING);
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update inbound_callback set status = $2, attempts = attempts + $3, next_attempt_at = $4,
                               completed_at = $5, target = $6, last_http_status = $7, last_error = $8,
                               response_excerpt = $9, updated_at = $10, version = version + 1
                        where tenant_id = $11 and id = $1""")
                .execute(Tuple.tuple().addUUID(id).addString(outcome.status())
                        .addInteger(outcome.status().equals(SKIPPED) ? 0 : 1)
                        .addOffsetDateTime(outcome.nextAttemptAt() == null ? null : utc(outcome.nextAttemptAt()))
                        .addOffsetDateTime(done ? utc(at) : null).addString(outcome.target())
                        .addInteger(outcome.httpStatus()).addString(cut(outcome.error(), 500))
                        .addString(cut(outcome.responseExcerpt(), 2048)).addOffsetDateTime(utc(at)).addUUID(tenantId))
                .replaceWithVoid());
    }

    /**
     * Deletes up to {@code limit} callbacks that finished before {@code before} (pending ones stay, whatever their
     * age); answers how many.
     */
    public Uni<Integer> deleteFinishedBefore(Instant before, int limit) {
        // one batch statement over every tenant's old rows: a transaction per tenant and batch would cost a tenant scan
        return db.acrossTenants("retention of the inbound callback log", c -> c.preparedQuery("""
                        delete from inbound_callback where id in (
                            select id from inbound_callback where completed_at < $1 limit $2)""")
                .execute(Tuple.of(utc(before), limit)).map(rows -> rows.rowCount()));
    }

    /** The newest callbacks of one connection of the tenant. */
    public Uni<List<StoredCallback>> listCallbacks(UUID tenantId, UUID connectionId, int limit) {
        return db.inTenant(tenantId, c -> c.preparedQuery("select " + CALLBACK_COLUMNS + """
                         from inbound_callback where tenant_id = $1 and connection_id = $2
                        order by received_at desc, id limit $3""")
                .execute(Tuple.of(tenantId, connectionId, limit)).map(rows -> {
                    List<StoredCallback> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new StoredCallback(row.getUUID("id"), row.getUUID("connection_id"),
                            row.getString("entity"), row.getString("action"), row.getString("external_id"),
                            row.getString("status"), row.getInteger("attempts"), instant(row, "received_at"),
                            instant(row, "next_attempt_at"), instant(row, "completed_at"), row.getString("target"),
                            row.getInteger("last_http_status"), row.getString("last_error"),
                            row.getString("response_excerpt"))));
                    return list;
                }));
    }

    private static StoredConnection toConnection(Row row) {
        return new StoredConnection(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("source"),
                row.getString("source_name"), row.getString("name"), row.getString("host"),
                row.getBuffer("secret_ciphertext") == null ? null : row.getBuffer("secret_ciphertext").getBytes(),
                row.getString("status"), instant(row, "deactivated_at"), instant(row, "created_at"));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
