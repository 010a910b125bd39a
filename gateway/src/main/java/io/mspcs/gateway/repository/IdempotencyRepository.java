package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static io.mspcs.gateway.repository.ApiKeyRepository.utc;

/** Idempotency records keyed by tenant + Idempotency-Key; a row without a status is a request still in flight. */
@ApplicationScoped
public class IdempotencyRepository {

    private final ScopedDatabase db;

    public IdempotencyRepository(ScopedDatabase db) {
        this.db = db;
    }

    public record Record(byte[] fingerprint, Integer status, JsonObject headers, byte[] body) {
        public boolean completed() {
            return status != null;
        }
    }

    /** Claims the key for this request; true when this request is the first live one with that key. */
    public Uni<Boolean> claim(UUID tenantId, String key, byte[] fingerprint, Instant now, Instant expiresAt) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("delete from idempotency_record where tenant_id = $1 and idempotency_key = $2 and expires_at <= $3")
                .execute(Tuple.of(tenantId, key, utc(now)))
                .chain(() -> c.preparedQuery("""
                                insert into idempotency_record (tenant_id, idempotency_key, fingerprint, expires_at,
                                                                created_at, updated_at, version)
                                values ($1, $2, $3, $4, $5, $5, 0) on conflict do nothing""")
                        .execute(Tuple.of(tenantId, key, io.vertx.core.buffer.Buffer.buffer(fingerprint), utc(expiresAt), utc(now))))
                .map(rows -> rows.rowCount() == 1));
    }

    public Uni<Record> find(UUID tenantId, String key) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        select fingerprint, response_status, response_headers, response_body from idempotency_record
                        where tenant_id = $1 and idempotency_key = $2""")
                .execute(Tuple.of(tenantId, key))
                .map(rows -> rows.size() == 0 ? null : toRecord(rows.iterator().next())));
    }

    public Uni<Void> complete(UUID tenantId, String key, int status, JsonObject headers, byte[] body, Instant now) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update idempotency_record set response_status = $3, response_headers = $4, response_body = $5,
                               updated_at = $6, version = version + 1
                        where tenant_id = $1 and idempotency_key = $2""")
                .execute(Tuple.of(tenantId, key, status, headers, io.vertx.core.buffer.Buffer.buffer(body), utc(now))).replaceWithVoid());
    }

    /** A failed attempt (5xx, timeout) releases the key so the client's retry is really tried again. */
    public Uni<Void> release(UUID tenantId, String key) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("delete from idempotency_record where tenant_id = $1 and idempotency_key = $2 and response_status is null")
                .execute(Tuple.of(tenantId, key)).replaceWithVoid());
    }

    public Uni<Integer> purgeExpired(Instant now) {
        // one batch delete over every tenant's expired rows: a transaction per tenant would cost an hourly tenant scan
        return db.acrossTenants("retention of expired idempotency records", c -> c
                .preparedQuery("delete from idempotency_record where expires_at <= $1").execute(Tuple.of(utc(now)))
                .map(rows -> rows.rowCount()));
    }

    private static Record toRecord(Row row) {
        Buffer body = row.getBuffer("response_body");
        Object headers = row.getValue("response_headers");
        return new Record(row.getBuffer("fingerprint").getBytes(), row.getInteger("response_status"),
                headers instanceof JsonObject json ? json : null, body == null ? null : body.getBytes());
    }
}
