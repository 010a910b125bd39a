package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tenants and API keys in the gateway's own database, through the reactive client. Every key query names the tenant. */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, tenant_id, name, prefix, hash, scopes, allowed_sources, expires_at, "
            + "revoked_at, revoke_reason, replaced_by, last_used_at, created_at";

    private final Pool pool;

    public ApiKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public record StoredKey(UUID id, UUID tenantId, String name, String prefix, byte[] hash, Set<String> scopes,
                            Set<String> allowedSources, Instant expiresAt, Instant revokedAt, String revokeReason,
                            UUID replacedBy, Instant lastUsedAt, Instant createdAt) {
    }

    public record NewKey(UUID id, UUID tenantId, String name, String prefix, byte[] hash, Set<String> scopes,
                         Set<String> allowedSources, Instant expiresAt) {
    }

    public Uni<StoredKey> findByPrefix(String prefix) {
        return pool.preparedQuery("select " + COLUMNS + " from api_key where prefix = $1")
                .execute(Tuple.of(prefix)).map(ApiKeyRepository::first);
    }

    public Uni<StoredKey> find(UUID tenantId, UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from api_key where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(ApiKeyRepository::first);
    }

    public Uni<List<StoredKey>> list(UUID tenantId) {
        return pool.preparedQuery("select " + COLUMNS + " from api_key where tenant_id = $1 order by created_at, id")
                .execute(Tuple.of(tenantId)).map(rows -> {
                    List<StoredKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(toKey(row)));
                    return keys;
                });
    }

    public Uni<Boolean> tenantExists(SqlClient client, UUID tenantId) {
        return client.preparedQuery("select 1 from tenant where id = $1").execute(Tuple.of(tenantId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> insertTenant(SqlClient tx, UUID tenantId, String name, Instant at) {
        return tx.preparedQuery("""
                        insert into tenant (id, name, created_at, updated_at, version) values ($1, $2, $3, $3, 0)
                        on conflict (id) do nothing""")
                .execute(Tuple.of(tenantId, name, utc(at))).replaceWithVoid();
    }

    public Uni<Void> insertKey(SqlClient tx, NewKey key, Instant at) {
        return tx.preparedQuery("""
                        insert into api_key (id, tenant_id, name, prefix, hash, scopes, allowed_sources, expires_at,
                                             created_at, updated_at, version)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 0)""")
                .execute(Tuple.tuple().addUUID(key.id()).addUUID(key.tenantId()).addString(key.name())
                        .addString(key.prefix()).addBuffer(Buffer.buffer(key.hash()))
                        .addArrayOfString(key.scopes().toArray(String[]::new))
                        .addArrayOfString(key.allowedSources().toArray(String[]::new))
                        .addOffsetDateTime(utc(key.expiresAt())).addOffsetDateTime(utc(at)))
                .replaceWithVoid();
    }

    /** Shortens the life of a rotated key to its grace period (never lengthens it). */
    public Uni<Void> retire(SqlClient tx, UUID tenantId, UUID id, Instant until, UUID replacedBy, Instant at) {
        return tx.preparedQuery("""
                        update api_key set expires_at = least(expires_at, $3), replaced_by = $4, updated_at = $5,
                               version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.of(tenantId, id, utc(until), replacedBy, utc(at))).replaceWithVoid();
    }

    public Uni<Boolean> revoke(UUID tenantId, UUID id, String reason, Instant at) {
        return pool.preparedQuery("""
                        update api_key set revoked_at = coalesce(revoked_at, $3), revoke_reason = coalesce(revoke_reason, $4),
                               updated_at = $3, version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.of(tenantId, id, utc(at), reason)).map(rows -> rows.rowCount() > 0);
    }

    /** Best effort and coarse (at most once a minute per key): a usage hint, not an audit log. */
    public Uni<Void> touch(UUID id, Instant at) {
        return pool.preparedQuery("""
                        update api_key set last_used_at = $2
                        where id = $1 and (last_used_at is null or last_used_at < $2 - interval '1 minute')""")
                .execute(Tuple.of(id, utc(at))).replaceWithVoid();
    }

    public Pool pool() {
        return pool;
    }

    private static StoredKey first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : toKey(rows.iterator().next());
    }

    private static StoredKey toKey(Row row) {
        return new StoredKey(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("name"), row.getString("prefix"),
                row.getBuffer("hash").getBytes(), Set.copyOf(Arrays.asList(row.getArrayOfStrings("scopes"))),
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("allowed_sources"))), instant(row, "expires_at"),
                instant(row, "revoked_at"), row.getString("revoke_reason"), row.getUUID("replaced_by"),
                instant(row, "last_used_at"), instant(row, "created_at"));
    }

    static Instant instant(Row row, String column) {
        return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant).orElse(null);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
