package io.mspcs.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The service's replication slot as PostgreSQL sees it: how many WAL bytes the relay (Kafka Connect, or the local
 * embedded engine) has not yet confirmed. The slot name defaults to {@code cs_<service>_outbox}, the one of
 * {@code deploy/debezium/<service>.json}.
 */
@ApplicationScoped
public class RelaySlot {

    /** A slot that never confirmed a position counts from where it was created. */
    private static final String LAG = """
            select pg_wal_lsn_diff(pg_current_wal_lsn(), coalesce(confirmed_flush_lsn, restart_lsn))::bigint as lag,
                   active
            from pg_replication_slots where slot_name = $1""";

    public record State(long lagBytes, boolean active) {
    }

    private final Pool pool;
    private final String slotName;

    public RelaySlot(Pool pool, @ConfigProperty(name = "cs.outbox.slot-name") String slotName) {
        this.pool = pool;
        this.slotName = slotName;
    }

    public String name() {
        return slotName;
    }

    /** Empty when the slot does not exist. */
    public Uni<Optional<State>> state() {
        return pool.preparedQuery(LAG).execute(Tuple.of(slotName)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            Row row = iterator.next();
            Long lag = row.getLong("lag");
            return Optional.of(new State(lag == null ? 0 : Math.max(0, lag), Boolean.TRUE.equals(row.getBoolean("active"))));
        });
    }

    /** Rows in the outbox table (kept 3 days after relaying, so this is retention, not backlog). */
    public Uni<Long> outboxRows() {
        return pool.query("select count(*) from outbox_event").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
