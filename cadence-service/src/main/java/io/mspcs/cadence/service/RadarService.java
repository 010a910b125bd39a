package io.mspcs.cadence.service;

import io.mspcs.cadence.repository.SweepSql;
import io.mspcs.rest.TenantPool;
import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/meetings/radar} (cadence.md §8.1, §2.3): the open slots already past their due date, and the
 * coverage KPI = open slots due within 30 days that have a confirmed meeting. One read over the open slots (the
 * partial index on open slots keeps it small); the owner is the line's owner role resolved to its OWNER member.
 */
@ApplicationScoped
public class RadarService {

    static final int COVERAGE_DAYS = 30;

    private static final String OPEN_SLOTS = """
            select s.id, s.client_id, c.name, coalesce(c.segment, c.cadence_segment) as segment, s.meeting_type,
                   s.due_date, s.window_end, s.miss_at, s.state, l.owner_role, o.member_id,
                   exists (select 1 from meeting m where m.tenant_id = s.tenant_id and m.cadence_slot_id = s.id
                           and m.confirmed and m.status in ('SCHEDULED', 'HELD')) as covered
            from cadence_slot s
            join cadence_line l on l.id = s.line_id
            join client_view c on c.tenant_id = s.tenant_id and c.client_id = s.client_id
            left join client_owner o on o.tenant_id = s.tenant_id and o.client_id = s.client_id and o.role = l.owner_role
            where s.tenant_id = $1 and s.state in ('OPEN', 'WAITING_RECAP') and s.due_date <= $2
              and ($3::text is null or coalesce(c.segment, c.cadence_segment) = $3)
              and ($4::uuid is null or o.member_id = $4)
            order by s.due_date, s.id""";

    public record Slot(UUID slotId, UUID clientId, String clientName, String segment, String meetingType,
                       LocalDate dueDate, LocalDate windowEnd, Instant missAt, String state, String ownerRole,
                       UUID ownerMemberId, boolean confirmedMeeting, long daysPastDue) {
    }

    public record Coverage(int dueWithin30Days, int withConfirmedMeeting, Double ratio) {
    }

    public record Radar(LocalDate asOf, List<Slot> pastDue, Coverage coverage, List<Slot> uncovered) {
    }

    private final Pool pool;
    private final PolicyService policies;
    private final Clock clock;

    public RadarService(Pool pool, PolicyService policies, Clock clock) {
        this.pool = pool;
        this.policies = policies;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Radar> radar(UUID tenantId, String segment, UUID ownerMemberId) {
        return policies.current(tenantId).chain(versioned -> {
            LocalDate today = clock.instant().atZone(versioned.policy().zone()).toLocalDate();
            LocalDate horizon = today.plusDays(COVERAGE_DAYS);
            // The request's tenant: the pool's own transaction must name it, or row-level security shows nothing.
            return TenantPool.inTransaction(pool, TenantScope.tenant(tenantId), conn -> conn.preparedQuery(OPEN_SLOTS)
                            .execute(Tuple.of(tenantId, horizon, segment, ownerMemberId)))
                    .map(rows -> {
                        List<Slot> pastDue = new ArrayList<>();
                        List<Slot> uncovered = new ArrayList<>();
                        int due = 0;
                        int covered = 0;
                        for (Row row : rows) {
                            Slot slot = slot(row, today);
                            if (slot.dueDate().isBefore(today)) {
                                pastDue.add(slot);
                            } else {
                                due += 1;
                                if (slot.confirmedMeeting()) {
                                    covered += 1;
                                } else {
                                    uncovered.add(slot);
                                }
                            }
                        }
                        Double ratio = due == 0 ? null : Math.round(covered * 1000.0 / due) / 1000.0;
                        return new Radar(today, pastDue, new Coverage(due, covered, ratio), uncovered);
                    });
        });
    }

    private static Slot slot(Row row, LocalDate today) {
        LocalDate dueDate = row.getLocalDate("due_date");
        return new Slot(row.getUUID("id"), row.getUUID("client_id"), row.getString("name"), row.getString("segment"),
                row.getString("meeting_type"), dueDate, row.getLocalDate("window_end"), SweepSql.instant(row, "miss_at"),
                row.getString("state"), row.getString("owner_role"), row.getUUID("member_id"),
                row.getBoolean("covered"), Math.max(0, ChronoUnit.DAYS.between(dueDate, today)));
    }
}
