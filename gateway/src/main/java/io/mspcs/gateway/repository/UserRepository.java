package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.mspcs.gateway.repository.ApiKeyRepository.instant;
import static io.mspcs.gateway.repository.ApiKeyRepository.utc;

/** Front-end users: identity (issuer, subject) → tenant and roles (gateway.md §1.2). */
@ApplicationScoped
public class UserRepository {

    private static final String COLUMNS = "id, tenant_id, issuer, subject, email, roles, active, created_at";

    private final ScopedDatabase db;

    public UserRepository(ScopedDatabase db) {
        this.db = db;
    }

    public record StoredUser(UUID id, UUID tenantId, String issuer, String subject, String email, Set<String> roles,
                             boolean active, Instant createdAt) {
    }

    public Uni<StoredUser> findByIdentity(String issuer, String subject) {
        // sign-in: the identity is all a token tells; the user row found names the tenant ((issuer, subject) is unique)
        return db.acrossTenants("user authentication by IdP identity", c -> c
                .preparedQuery("select " + COLUMNS + " from app_user where issuer = $1 and subject = $2")
                .execute(Tuple.of(issuer, subject)).map(UserRepository::first));
    }

    public Uni<StoredUser> find(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from app_user where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(UserRepository::first));
    }

    public Uni<List<StoredUser>> list(UUID tenantId) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from app_user where tenant_id = $1 order by created_at, id")
                .execute(Tuple.of(tenantId)).map(rows -> {
                    List<StoredUser> users = new ArrayList<>();
                    rows.forEach(row -> users.add(toUser(row)));
                    return users;
                }));
    }

    /** Inserts, or (same issuer and subject in the same tenant) replaces roles and reactivates; another tenant's
     * identity is left untouched and answers null. */
    public Uni<StoredUser> upsert(UUID tenantId, String issuer, String subject, String email, Set<String> roles, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        insert into app_user (id, tenant_id, issuer, subject, email, roles, active, created_at, updated_at, version)
                        values ($1, $2, $3, $4, $5, $6, true, $7, $7, 0)
                        on conflict (issuer, subject) do update
                           set roles = excluded.roles, email = excluded.email, active = true,
                               updated_at = excluded.updated_at, version = app_user.version + 1
                         where app_user.tenant_id = excluded.tenant_id
                        returning""" + " " + COLUMNS)
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(tenantId).addString(issuer).addString(subject)
                        .addString(email).addArrayOfString(roles.toArray(String[]::new)).addOffsetDateTime(utc(at)))
                .map(UserRepository::first));
    }

    public Uni<StoredUser> update(UUID tenantId, UUID id, Set<String> roles, Boolean active, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update app_user set roles = coalesce($3, roles), active = coalesce($4, active), updated_at = $5,
                               version = version + 1
                        where tenant_id = $1 and id = $2
                        returning""" + " " + COLUMNS)
                .execute(Tuple.tuple().addUUID(tenantId).addUUID(id)
                        .addArrayOfString(roles == null ? null : roles.toArray(String[]::new)).addBoolean(active)
                        .addOffsetDateTime(utc(at)))
                .map(UserRepository::first));
    }

    public Uni<Boolean> delete(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c.preparedQuery("delete from app_user where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id))
                .map(rows -> rows.rowCount() > 0));
    }

    private static StoredUser first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : toUser(rows.iterator().next());
    }

    private static StoredUser toUser(Row row) {
        return new StoredUser(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("issuer"),
                row.getString("subject"), row.getString("email"), Set.copyOf(Arrays.asList(row.getArrayOfStrings("roles"))),
                row.getBoolean("active"), instant(row, "created_at"));
    }
}
