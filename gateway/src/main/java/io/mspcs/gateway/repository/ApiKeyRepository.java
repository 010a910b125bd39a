package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
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

/**
 * Tenants and API keys in the gateway's own database, through the reactive client. Every key query runs under its
 * tenant except the lookup by prefix that authenticates a key: that lookup is how the tenant is found.
 */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, tenant_id, name, prefix, hash, scopes, allowed_sources, expires_at, "
            + "revoked_at, revoke_reason, replaced_by, last_used_at, created_at";

    private final ScopedDatabase db;

    public ApiKeyRepository(ScopedDatabase db) {
        this.db = db;
    }

    public record StoredKey(UUID id, UUID tenantId, String name, String prefix, byte[] hash, Set<String> scopes,
                            Set<String> allowedSources, Instant expiresAt, Instant revokedAt, String revokeReason,
                            UUID replacedBy, Instant lastUsedAt, Instant createdAt) {
    }

    public record NewKey(UUID id, UUID tenantId, String name, String prefix, byte[] hash, Set<String> scopes,
                         Set<String> allowedSources, Instant expiresAt) {
    }

    public Uni<StoredKey> findByPrefix(String prefix) {
        // the prefix is all an incoming key tells; the row found names the tenant (prefixes are unique)
        return db.acrossTenants("API key authentication by prefix", c -> c
                .preparedQuery("select " + COLUMNS + " from api_key where prefix = $1")
                .execute(Tuple.of(prefix)).map(ApiKeyRepository::first));
    }

    public Uni<StoredKey> find(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from api_key where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(ApiKeyRepository::first));
    }

    public Uni<List<StoredKey>> list(UUID tenantId) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from api_key where tenant_id = $1 order by created_at, id")
                .execute(Tuple.of(tenantId)).map(rows -> {
                    List<StoredKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(toKey(row)));
                    return keys;
                }));
    }

    /** A new tenant (the tenant registry has no tenant_id, so no row-level security) and its first key, at once. */
    public Uni<Void> insertTenantWithKey(UUID tenantId, String name, NewKey key, Instant at) {
        return db.inTenant(tenantId, tx -> insertTenant(tx, tenantId, name, at).chain(() -> insertKey(tx, key, at)));
    }

    /** The tenant, unless it is there already. */
    public Uni<Void> ensureTenant(UUID tenantId, String name, Instant at) {
        return db.inTenant(tenantId, tx -> insertTenant(tx, tenantId, name, at));
    }

    public Uni<Void> insert(NewKey key, Instant at) {
        return db.inTenant(key.tenantId(), tx -> insertKey(tx, key, at));
    }

    /** The replacement key and the old key's shortened life, together. */
    public Uni<Void> rotate(NewKey replacement, UUID oldId, Instant oldUntil, Instant at) {
        return db.inTenant(replacement.tenantId(), tx -> insertKey(tx, replacement, at)
                .chain(() -> retire(tx, replacement.tenantId(), oldId, oldUntil, replacement.id(), at)));
    }

    private static Uni<Void> insertTenant(SqlClient tx, UUID tenantId, String name, Instant at) {
        return tx.preparedQuery("""
                        insert into tenant (id, name, created_at, updated_at, version) values ($1, $2, $3, $3, 0)
                        on conflict (id) do nothing""")
                .execute(Tuple.of(tenantId, name, utc(at))).replaceWithVoid();
    }

    private static Uni<Void> insertKey(SqlClient tx, NewKey key, Instant at) {
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
    private static Uni<Void> retire(SqlClient tx, UUID tenantId, UUID id, Instant until, UUID replacedBy, Instant at) {
        return tx.preparedQuery("""
                        update api_key set expires_at = least(expires_at, $3), replaced_by = $4, updated_at = $5,
                               version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.of(tenantId, id, utc(until), replacedBy, utc(at))).replaceWithVoid();
    }

    public Uni<Boolean> revoke(UUID tenantId, UUID id, String reason, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update api_key set revoked_at = coalesce(revoked_at, $3), revoke_reason = coalesce(revoke_reason, $4),
                               updated_at = $3, version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.of(tenantId, id, utc(at), reason)).map(rows -> rows.rowCount() > 0));
    }

    /** Best effort and coarse (at most once a minute per key): a usage hint, not an audit log. */
    public Uni<Void> touch(UUID tenantId, UUID id, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update api_key set last_used_at = $3::timestamptz
                        where tenant_id = $1 and id = $2
                          and (last_used_at is null or last_used_at < $3::timestamptz - interval '1 minute')""")
                .execute(Tuple.of(tenantId, id, utc(at))).replaceWithVoid());
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
