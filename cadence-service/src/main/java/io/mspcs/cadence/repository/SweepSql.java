package io.mspcs.cadence.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * Around {@link #DUE_TIMERS} only: the row-level security policy (an OR of per-row current_setting calls) makes
     * the planner believe about 0.5 % of the due rows are visible, so for "limit 500" it read and sorted EVERY due
     * timer with a bitmap scan (112 ms per batch at 14,500 due; the whole due set again for every batch of a
     * catch-up) instead of walking timer_pending_idx / timer_tenant_pending_idx in order and stopping at 500 (7 ms).
     */
    public static final String DUE_SCAN_IN_ORDER = "set local enable_bitmapscan = off";
    public static final String DUE_SCAN_DONE = "set local enable_bitmapscan to default";

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

    /** The tasks of due notices with their run's client and status (§6.2). */
    public static final String TASKS = """
            select t.id, t.run_id, r.client_id, t.title, t.owner_role, t.owner_member_id, t.due_at, t.status,
                   r.status as run_status
            from playbook_task t join playbook_run r on r.id = t.run_id where t.id = any($1)""";

    /** The tenants' newest published or retired template versions, newest first per key (§6.1). */
    public static final String TEMPLATES = """
            select tenant_id, template_key, template_version, status, document from playbook_template
            where tenant_id = any($1) and status in ('PUBLISHED', 'RETIRED')
            order by tenant_id, template_key, template_version desc""";

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

    /** The writes of one sweep batch: one multi-row statement per kind (fresh per batch, they gather rows). */
    public static UnnestWrite insertCtas() {
        return UnnestWrite.insert("cta", """
                id uuid, tenant_id uuid, client_id uuid, kind text, reason_code text, title text, priority text,
                status text, source text, dedupe_key text, dimension text, playbook_key text, rule_id text,
                rule_version int, reason_text text, reason_inputs jsonb, reference_value numeric, owner_role text,
                owner_member_id uuid, backup_member_id uuid, owner_resolution text, notification text,
                opened_at timestamptz, sla_start_at timestamptz, first_action_due_at timestamptz,
                first_action_at timestamptz, due_at timestamptz, last_movement_at timestamptz, escalation_level int,
                occurrences int, last_seen_at timestamptz, newest_cause_time timestamptz, close_status text,
                closed_at timestamptz, close_reason_code text, close_reason_text text, close_reason_inputs jsonb,
                meeting_type text, escalated_to_role text, created_at timestamptz, updated_at timestamptz,
                playbook_run_id uuid""", "version", "0");
    }

    public static UnnestWrite updateCtas() {
        return UnnestWrite.update("cta", """
                id uuid, priority text, status text, escalation_level int, escalated_to_role text, notification text,
                occurrences int, last_seen_at timestamptz, snoozed_until timestamptz, snoozed_from_status text,
                close_status text, closed_at timestamptz, close_reason_code text, close_reason_text text,
                close_reason_inputs jsonb, updated_at timestamptz""", "version = x.version + 1");
    }

    public static UnnestWrite insertCauses() {
        return UnnestWrite.insert("cta_cause", """
                id uuid, tenant_id uuid, cta_id uuid, seq int, event_id uuid, type text, time timestamptz,
                cause_key text, correlation_id text, summary text""",
                "created_at, updated_at, version", "$now, $now, 0");
    }

    public static UnnestWrite insertRuns() {
        return UnnestWrite.insert("playbook_run", """
                id uuid, tenant_id uuid, client_id uuid, template_id uuid, template_key text, template_version int,
                name text, segment text, cta_id uuid, owner_role text, owner_member_id uuid, started_at timestamptz,
                first_action_due_at timestamptz""",
                "status, created_at, updated_at, version", "'ACTIVE', $now, $now, 0");
    }

    public static UnnestWrite insertTasks() {
        return UnnestWrite.insert("playbook_task", """
                id uuid, tenant_id uuid, run_id uuid, seq int, task_key text, title text, owner_role text,
                owner_member_id uuid, due_at timestamptz, required bool""",
                "due_locked, status, created_at, updated_at, version", "false, 'OPEN', $now, $now, 0");
    }

    public static UnnestWrite updateSlots() {
        return UnnestWrite.update("cadence_slot", """
                id uuid, state text, miss_reason text, missed_at timestamptz, meeting_id uuid""",
                "updated_at = $now, version = x.version + 1");
    }

    public static UnnestWrite insertSlots() {
        return UnnestWrite.insert("cadence_slot", """
                id uuid, tenant_id uuid, client_id uuid, line_id uuid, meeting_type text, strategic bool,
                anchor_date date, due_date date, window_end date, miss_at timestamptz, policy_version int""",
                "state, created_at, updated_at, version", "'OPEN', $now, $now, 0");
    }

    public static UnnestWrite updateClients() {
        return UnnestWrite.update("client_view", "id uuid, consecutive_misses int",
                "updated_at = $now, version = x.version + 1");
    }

    /** Alert-budget and digest notices (cadence.md §5.7; V10). */
    public static UnnestWrite insertNotices() {
        return UnnestWrite.insert("cta_notice", """
                id uuid, tenant_id uuid, member_id uuid, cta_id uuid, client_id uuid, kind text, title text,
                priority text, due_at timestamptz, change text, notification text, counted bool, local_day date,
                noticed_at timestamptz""", "created_at, updated_at, version", "$now, $now, 0");
    }

    /** The IMMEDIATE notices per member and local day, for the batch's tenants and days (the alert budget). */
    public static final String IMMEDIATE_COUNTS = """
            select tenant_id, member_id, local_day, count(*)::int as n from cta_notice
            where tenant_id = any($1) and local_day = any($2) and counted and member_id is not null
            group by tenant_id, member_id, local_day""";

    /** Plans each tenant's next digest unless one is pending (one pending digest timer per tenant, see V10). */
    public static final String PLAN_DIGESTS = """
            insert into timer (id, tenant_id, client_id, kind, subject_id, fire_at, state, created_at, updated_at, version)
            select gen_random_uuid(), t.tenant_id, t.tenant_id, 'CTA_DIGEST', t.tenant_id, t.fire_at, 'PENDING', $3, $3, 0
            from unnest($1::uuid[], $2::timestamptz[]) as t(tenant_id, fire_at)
            on conflict (tenant_id) where kind = 'CTA_DIGEST' and state = 'PENDING' do nothing""";

    public static UnnestWrite insertTimers() {
        return UnnestWrite.insert("timer", """
                id uuid, tenant_id uuid, client_id uuid, kind text, subject_id uuid, fire_at timestamptz""",
                "state, created_at, updated_at, version", "'PENDING', $now, $now, 0");
    }

    /** Outbox rows in emission order: {@code seq} (identity) follows the insert's {@code order by}. */
    public static UnnestWrite insertOutbox() {
        return UnnestWrite.insert("outbox_event", """
                id uuid, aggregatetype text, aggregateid text, type text, timestamp timestamptz, tenant_id uuid,
                partition_key text, correlation_id text, causation_id uuid, payload jsonb""", "", "");
    }

    public static final String TIMERS_DONE = """
            update timer set state = 'DONE', updated_at = $2, version = version + 1 where id = any($1)""";

    /**
     * Pairs of (tenant, subject): naming the tenant lets timer_subject_idx (tenant_id, subject_id) find the rows; by
     * subject alone the statement scanned the whole timer table (160 ms per batch at 660k timers).
     */
    public static final String VOID_TIMERS_OF = """
            update timer set state = 'VOID', updated_at = $3, version = version + 1
            where (tenant_id, subject_id) in (select * from unnest($1::uuid[], $2::uuid[])) and state = 'PENDING'""";

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

    public static void addInsert(UnnestWrite rows, CtaEntity c) {
        rows.add(c.id, c.tenantId, c.clientId, c.kind, c.reasonCode, c.title, c.priority, c.status, c.source,
                c.dedupeKey, c.dimension, c.playbookKey, c.ruleId, c.ruleVersion, c.reasonText, json(c.reasonInputs),
                c.referenceValue, c.ownerRole, c.ownerMemberId, c.backupMemberId, c.ownerResolution, c.notification,
                c.openedAt, c.slaStartAt, c.firstActionDueAt, c.firstActionAt, c.dueAt, c.lastMovementAt,
                c.escalationLevel, c.occurrences, c.lastSeenAt, c.newestCauseTime, c.closeStatus, c.closedAt,
                c.closeReasonCode, c.closeReasonText, json(c.closeReasonInputs), c.meetingType, c.escalatedToRole,
                c.createdAt, c.updatedAt, c.playbookRunId);
    }

    public static void addUpdate(UnnestWrite rows, CtaEntity c) {
        rows.add(c.id, c.priority, c.status, c.escalationLevel, c.escalatedToRole, c.notification, c.occurrences,
                c.lastSeenAt, c.snoozedUntil, c.snoozedFromStatus, c.closeStatus, c.closedAt, c.closeReasonCode,
                c.closeReasonText, json(c.closeReasonInputs), c.updatedAt);
    }

    /**
     * The envelope exactly as {@link EventCodec#write} lays it out, but with {@code data} serialised straight from
     * its payload record: one pass instead of record → tree → text (a third of the sweep's CPU went to JSON).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WireEnvelope(String specversion, UUID id, String source, String type, Instant time, String subject,
                                String datacontenttype, String dataschema, UUID tenantid, String correlationid,
                                UUID causationid, String partitionkey, Object data) {
    }

    /** Appends one outbox row for an event the sweep emits (no causation: timers are not events). */
    public static void addOutbox(UnnestWrite rows, UUID id, String source, String type, Instant time, UUID tenantId,
                                 String correlationId, String subject, String aggregateType, String aggregateId,
                                 Object data) {
        String partitionKey = EventEnvelope.partitionKey(tenantId, subject);
        String payload;
        try {
            payload = EventCodec.mapper().writeValueAsString(new WireEnvelope(EventEnvelope.SPEC_VERSION, id, source,
                    type, time, subject, EventEnvelope.CONTENT_TYPE, EventEnvelope.schemaUrn(type), tenantId,
                    correlationId, null, partitionKey, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope cannot be serialised", e);
        }
        rows.add(id, aggregateType, aggregateId, type, time, tenantId, partitionKey, correlationId, null, payload);
    }

    public static CloseStatus closeStatus(String value) {
        return value == null ? null : CloseStatus.valueOf(value);
    }
}
