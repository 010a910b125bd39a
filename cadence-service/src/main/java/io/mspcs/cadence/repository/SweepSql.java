package io.mspcs.cadence.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaSource;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.domain.Notification;
import io.mspcs.cadence.domain.OwnerResolution;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.cadence.domain.Role;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * The statements of the sweep (cadence.md §3.2). The sweep works set-based on the reactive SQL client: one read per
 * kind of data for a whole batch of timers and one batched statement per kind of write, so 10,000 due timers take a
 * few dozen round trips instead of a dozen per timer.
 */
public final class SweepSql {

    private SweepSql() {
    }

    public static final String DUE_TIMERS = """
            select id, tenant_id, client_id, kind, subject_id, fire_at from timer
            where state = 'PENDING' and fire_at <= $1 and ($2::uuid is null or tenant_id = $2) and kind <> all($4)
            order by fire_at, id limit $3 for update skip locked""";

    public static final String POLICIES = """
            select distinct on (tenant_id) tenant_id, policy_version, document, published_at from cadence_policy
            where tenant_id = any($1) order by tenant_id, policy_version desc""";

    public static final String SLOTS = """
            select s.id, s.tenant_id, s.client_id, s.line_id, s.meeting_type, s.strategic, s.anchor_date, s.due_date,
                   s.window_end, s.miss_at, s.state, s.policy_version, l.frequency, l.override_frequency, l.owner_role,
                   l.satisfied_by, l.active, c.id as client_row_id, c.segment, c.status as client_status,
                   c.consecutive_misses, c.last_strategic_held_at
            from cadence_slot s
            join cadence_line l on l.id = s.line_id
            join client_view c on c.tenant_id = s.tenant_id and c.client_id = s.client_id
            where s.id = any($1)""";

    /** Candidate meetings of the slots' windows, a day wider on each side; the tenant's zone decides in Java. */
    public static final String SLOT_MEETINGS = """
            select s.id as slot_id, m.id, m.meeting_type, m.status, m.confirmed, m.cancel_reason, m.scheduled_for,
                   m.held_at, m.recap_due_at, m.recap_recorded_at, m.counts
            from cadence_slot s
            join cadence_line l on l.id = s.line_id
            join meeting m on m.tenant_id = s.tenant_id and m.client_id = s.client_id
                          and m.meeting_type = any(string_to_array(l.satisfied_by, ','))
                          and coalesce(m.held_at, m.scheduled_for) >= s.anchor_date - 1
                          and coalesce(m.held_at, m.scheduled_for) < s.window_end + 2
            where s.id = any($1)""";

    public static final String OWNERS = """
            select tenant_id, client_id, role, member_id, backup_member_id from client_owner where client_id = any($1)""";

    private static final String CTA_COLUMNS = """
            id, tenant_id, client_id, kind, reason_code, title, priority, status, source, dedupe_key, dimension,
            playbook_key, rule_id, rule_version, reason_text, reason_inputs::text as reason_inputs, reference_value,
            owner_role, owner_member_id, backup_member_id, owner_resolution, notification, opened_at, sla_start_at,
            first_action_due_at, first_action_at, due_at, last_movement_at, escalation_level, occurrences,
            last_seen_at, newest_cause_time, snoozed_until, snoozed_from_status, meeting_type, playbook_run_id,
            created_at, updated_at, version""";

    public static final String CTAS_BY_ID = "select " + CTA_COLUMNS + " from cta where id = any($1)";

    public static final String OPEN_CADENCE_CTAS = "select " + CTA_COLUMNS
            + " from cta where client_id = any($1) and status <> 'CLOSED' and rule_id in ('T-MISS1', 'T-MISS2', 'T-MISS3')";

    public static final String STREAK_SLOTS = """
            select id from cadence_slot where tenant_id = $1 and client_id = $2 and state = 'MISSED' and strategic
            order by due_date desc, missed_at desc limit $3""";

    public static final String INSERT_CTA = """
            insert into cta (id, tenant_id, client_id, kind, reason_code, title, priority, status, source, dedupe_key,
                dimension, playbook_key, rule_id, rule_version, reason_text, reason_inputs, reference_value, owner_role,
                owner_member_id, backup_member_id, owner_resolution, notification, opened_at, sla_start_at,
                first_action_due_at, first_action_at, due_at, last_movement_at, escalation_level, occurrences,
                last_seen_at, newest_cause_time, close_status, closed_at, close_reason_code, close_reason_text,
                close_reason_inputs, meeting_type, escalated_to_role, created_at, updated_at, playbook_run_id, version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, cast(cast($16 as text) as jsonb),
                $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36,
                cast(cast($37 as text) as jsonb), $38, $39, $40, $41, $42, 0)""";

    public static final String INSERT_RUN = """
            insert into playbook_run (id, tenant_id, client_id, template_id, template_key, template_version, name,
                segment, cta_id, owner_role, owner_member_id, status, started_at, first_action_due_at, created_at,
                updated_at, version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'ACTIVE', $12, $13, $14, $14, 0)""";

    public static final String INSERT_TASK = """
            insert into playbook_task (id, tenant_id, run_id, seq, task_key, title, owner_role, owner_member_id, due_at,
                due_locked, required, status, created_at, updated_at, version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, false, $10, 'OPEN', $11, $11, 0)""";

    public static final String UPDATE_CTA = """
            update cta set priority = $2, status = $3, escalation_level = $4, escalated_to_role = $5, notification = $6,
                occurrences = $7, last_seen_at = $8, snoozed_until = $9, snoozed_from_status = $10, close_status = $11,
                closed_at = $12, close_reason_code = $13, close_reason_text = $14,
                close_reason_inputs = cast(cast($15 as text) as jsonb), updated_at = $16, version = version + 1
            where id = $1""";

    public static final String INSERT_CAUSE = """
            insert into cta_cause (id, tenant_id, cta_id, seq, event_id, type, time, cause_key, correlation_id, summary,
                created_at, updated_at, version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 0)""";

    public static final String UPDATE_SLOT = """
            update cadence_slot set state = $2, miss_reason = $3, missed_at = $4, meeting_id = $5, updated_at = $6,
                version = version + 1 where id = $1""";

    public static final String INSERT_SLOT = """
            insert into cadence_slot (id, tenant_id, client_id, line_id, meeting_type, strategic, anchor_date, due_date,
                window_end, miss_at, state, policy_version, created_at, updated_at, version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'OPEN', $11, $12, $12, 0)""";

    public static final String UPDATE_CLIENT = """
            update client_view set consecutive_misses = $2, updated_at = $3, version = version + 1 where id = $1""";

    /** One statement for a whole batch of new timers: arrays in, rows out (no per-row round of parse/bind). */
    public static final String INSERT_TIMERS = """
            insert into timer (id, tenant_id, client_id, kind, subject_id, fire_at, state, created_at, updated_at, version)
            select id, tenant_id, client_id, kind, subject_id, fire_at, 'PENDING', $7, $7, 0
            from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::uuid[], $6::timestamptz[])
                 as t(id, tenant_id, client_id, kind, subject_id, fire_at)""";

    public static final String INSERT_OUTBOX = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, timestamp, tenant_id, partition_key,
                                      correlation_id, causation_id, payload)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, cast(cast($10 as text) as jsonb))""";


    public static final String TIMERS_DONE = """
            update timer set state = 'DONE', updated_at = $2, version = version + 1 where id = any($1)""";

    public static final String VOID_TIMERS_OF = """
            update timer set state = 'VOID', updated_at = $2, version = version + 1
            where subject_id = any($1) and state = 'PENDING'""";

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static String json(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        try {
            return EventCodec.mapper().writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CtaEntity cta(Row row) {
        CtaEntity cta = new CtaEntity();
        cta.id = row.getUUID("id");
        cta.tenantId = row.getUUID("tenant_id");
        cta.clientId = row.getUUID("client_id");
        cta.kind = CtaKind.valueOf(row.getString("kind"));
        cta.reasonCode = row.getString("reason_code");
        cta.title = row.getString("title");
        cta.priority = Priority.valueOf(row.getString("priority"));
        cta.status = CtaStatus.valueOf(row.getString("status"));
        cta.source = CtaSource.valueOf(row.getString("source"));
        cta.dedupeKey = row.getString("dedupe_key");
        cta.dimension = row.getString("dimension");
        cta.playbookKey = row.getString("playbook_key");
        cta.ruleId = row.getString("rule_id");
        cta.ruleVersion = row.getInteger("rule_version");
        cta.reasonText = row.getString("reason_text");
        cta.reasonInputs = map(row.getString("reason_inputs"));
        cta.referenceValue = row.getBigDecimal("reference_value");
        cta.ownerRole = Role.valueOf(row.getString("owner_role"));
        cta.ownerMemberId = row.getUUID("owner_member_id");
        cta.backupMemberId = row.getUUID("backup_member_id");
        cta.ownerResolution = OwnerResolution.valueOf(row.getString("owner_resolution"));
        cta.notification = Notification.valueOf(row.getString("notification"));
        cta.openedAt = instant(row, "opened_at");
        cta.slaStartAt = instant(row, "sla_start_at");
        cta.firstActionDueAt = instant(row, "first_action_due_at");
        cta.firstActionAt = instant(row, "first_action_at");
        cta.dueAt = instant(row, "due_at");
        cta.lastMovementAt = instant(row, "last_movement_at");
        cta.escalationLevel = row.getInteger("escalation_level");
        cta.occurrences = row.getInteger("occurrences");
        cta.lastSeenAt = instant(row, "last_seen_at");
        cta.newestCauseTime = instant(row, "newest_cause_time");
        cta.snoozedUntil = instant(row, "snoozed_until");
        String from = row.getString("snoozed_from_status");
        cta.snoozedFromStatus = from == null ? null : CtaStatus.valueOf(from);
        cta.meetingType = row.getString("meeting_type");
        cta.playbookRunId = row.getUUID("playbook_run_id");
        cta.createdAt = instant(row, "created_at");
        cta.updatedAt = instant(row, "updated_at");
        cta.version = row.getInteger("version");
        return cta;
    }

    public static Tuple insert(CtaEntity c) {
        return Tuple.from(new Object[]{c.id, c.tenantId, c.clientId, name(c.kind), c.reasonCode, c.title,
                name(c.priority), name(c.status), name(c.source), c.dedupeKey, c.dimension, c.playbookKey, c.ruleId,
                c.ruleVersion, c.reasonText, json(c.reasonInputs), c.referenceValue, name(c.ownerRole), c.ownerMemberId,
                c.backupMemberId, name(c.ownerResolution), name(c.notification), at(c.openedAt), at(c.slaStartAt),
                at(c.firstActionDueAt), at(c.firstActionAt), at(c.dueAt), at(c.lastMovementAt), c.escalationLevel,
                c.occurrences, at(c.lastSeenAt), at(c.newestCauseTime), name(c.closeStatus), at(c.closedAt),
                c.closeReasonCode, c.closeReasonText, json(c.closeReasonInputs), c.meetingType,
                name(c.escalatedToRole), at(c.createdAt), at(c.updatedAt), c.playbookRunId});
    }

    public static Tuple update(CtaEntity c) {
        return Tuple.from(new Object[]{c.id, name(c.priority), name(c.status), c.escalationLevel,
                name(c.escalatedToRole), name(c.notification), c.occurrences, at(c.lastSeenAt), at(c.snoozedUntil),
                name(c.snoozedFromStatus), name(c.closeStatus), at(c.closedAt), c.closeReasonCode, c.closeReasonText,
                json(c.closeReasonInputs), at(c.updatedAt)});
    }

    public static Tuple outbox(EventEnvelope e, String aggregateType, String aggregateId) {
        return Tuple.from(new Object[]{e.id(), aggregateType, aggregateId, e.type(), at(e.time()), e.tenantId(),
                e.partitionKey(), e.correlationId(), e.causationId(), EventCodec.write(e)});
    }

    public static CloseStatus closeStatus(String value) {
        return value == null ? null : CloseStatus.valueOf(value);
    }
}
