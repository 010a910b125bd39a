package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.domain.Frequency;
import io.mspcs.cadence.domain.LineSpec;
import io.mspcs.cadence.domain.SlotPlan;
import io.mspcs.cadence.repository.CadenceLineEntity;
import io.mspcs.cadence.repository.CadenceLineRepository;
import io.mspcs.cadence.repository.CadenceSlotEntity;
import io.mspcs.cadence.repository.CadenceSlotRepository;
import io.mspcs.cadence.repository.ClientViewEntity;
import io.mspcs.cadence.repository.MeetingEntity;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cadence lines and slots (cadence.md §2.2–§2.4): lines follow the client's segment; a counting meeting satisfies
 * the open slots it may satisfy and opens the next ones; the sweep handles misses. Runs inside the caller's
 * transaction (a consumer handler or a {@code @WithTransaction} use case).
 */
@ApplicationScoped
public class CadenceService {

    /** What counting a meeting did: the earliest next due date of the lines it satisfied, and those lines. */
    public record Counted(LocalDate nextDueDate, List<String> satisfiedTypes, boolean strategic, UUID slotId) {
    }

    private final PolicyService policies;
    private final CadenceLineRepository lines;
    private final CadenceSlotRepository slots;
    private final TimerRepository timers;
    private final CtaService ctas;
    private final Clock clock;

    public CadenceService(PolicyService policies, CadenceLineRepository lines, CadenceSlotRepository slots,
                          TimerRepository timers, CtaService ctas, Clock clock) {
        this.policies = policies;
        this.lines = lines;
        this.slots = slots;
        this.timers = timers;
        this.ctas = ctas;
        this.clock = clock;
    }

    /**
     * Makes the client's lines match its status and segment. First lines: anchored on the registration date (a
     * client registered after the import window gets at least 90 days). A segment change ends the old lines (slots
     * VOID, streak 0) and starts the new ones under the change rule. A churn ends them all (§7.2); ACTIVE again
     * restarts them from the last counting meeting of each line's type, else the reactivation date (§2.3).
     */
    public Uni<Void> syncLines(UUID tenantId, ClientViewEntity client, Instant changeAt) {
        if (client.status == null) {
            return Uni.createFrom().voidItem();
        }
        if (client.churned()) {
            if (client.cadenceSegment == null) {
                return Uni.createFrom().voidItem();
            }
            client.cadenceSegment = null;
            client.updatedAt = now();
            return lines.activeOf(tenantId, client.clientId).chain(old -> endLines(tenantId, old, now()));
        }
        return policies.ensure(tenantId).chain(versioned -> {
            CadencePolicy policy = versioned.policy();
            String segment = client.segment == null ? policy.provisionalSegment() : client.segment;
            if (segment.equals(client.cadenceSegment)) {
                return Uni.createFrom().voidItem();
            }
            boolean firstLines = client.cadenceSegment == null;
            client.cadenceSegment = segment;
            client.cadencePolicyVersion = versioned.version();
            Instant now = now();
            return lines.allOf(tenantId, client.clientId).chain(all -> {
                List<CadenceLineEntity> old = all.stream().filter(l -> l.active).toList();
                // No active line but earlier ones: the client churned and is ACTIVE again.
                boolean restart = firstLines && !all.isEmpty();
                return endLines(tenantId, old, now).chain(() -> {
                    if (!firstLines) {
                        client.consecutiveMisses = 0;
                    }
                    LocalDate changeDate = changeAt.atZone(policy.zone()).toLocalDate();
                    Map<String, Instant> lastHeld = (restart ? all : old).stream().filter(l -> l.lastHeldAt != null)
                            .collect(Collectors.toMap(l -> l.meetingType, l -> l.lastHeldAt, CadenceService::max));
                    List<Uni<Void>> creations = new ArrayList<>();
                    for (LineSpec spec : policy.linesOf(segment)) {
                        CadenceLineEntity line = CadenceLineEntity.of(tenantId, client.clientId, spec.meetingType(),
                                spec.frequency(), spec.ownerRole(), policy.strategic(spec.meetingType()),
                                spec.satisfyingTypes(), now);
                        line.lastHeldAt = lastHeld.get(spec.meetingType());
                        creations.add(lines.persist(line).chain(() -> firstSlot(policy, versioned, client, line,
                                restart ? Start.RESTART : firstLines ? Start.FIRST : Start.CHANGE, changeDate)));
                    }
                    return chain(creations);
                });
            });
        });
    }

    private enum Start { FIRST, CHANGE, RESTART }

    private Uni<Void> firstSlot(CadencePolicy policy, PolicyService.Versioned versioned, ClientViewEntity client,
                                CadenceLineEntity line, Start start, LocalDate changeDate) {
        Frequency frequency = line.effectiveFrequency();
        if (!frequency.hasSlots()) {
            return Uni.createFrom().voidItem();
        }
        SlotPlan plan;
        LocalDate lastHeld = line.lastHeldAt == null ? null : line.lastHeldAt.atZone(policy.zone()).toLocalDate();
        if (start == Start.FIRST) {
            LocalDate registered = (client.registeredAt == null ? now() : client.registeredAt)
                    .atZone(policy.zone()).toLocalDate();
            Instant autoStartAfter = versioned.publishedAt().plus(policy.onboardingImportWindowDays(), ChronoUnit.DAYS);
            plan = client.registeredAt != null && !client.registeredAt.isBefore(autoStartAfter)
                    ? SlotPlan.forNewClient(registered, frequency, policy.zone())
                    : SlotPlan.fromAnchor(registered, frequency, policy.zone());
        } else if (start == Start.RESTART) {
            plan = SlotPlan.fromAnchor(lastHeld == null ? changeDate : lastHeld, frequency, policy.zone());
        } else {
            plan = SlotPlan.afterChange(lastHeld == null ? changeDate : lastHeld, changeDate, frequency, policy.zone());
        }
        return openSlot(line, plan, versioned.version());
    }

    private Uni<Void> openSlot(CadenceLineEntity line, SlotPlan plan, int policyVersion) {
        Instant now = now();
        CadenceSlotEntity slot = CadenceSlotEntity.of(line, plan, policyVersion, now);
        return slots.persist(slot)
                .chain(() -> timers.plan(line.tenantId, line.clientId, TimerEntity.SLOT_MISS, slot.id, slot.missAt, now))
                .replaceWithVoid();
    }

    private Uni<Void> endLines(UUID tenantId, List<CadenceLineEntity> old, Instant now) {
        if (old.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        old.forEach(line -> {
            line.active = false;
            line.updatedAt = now;
        });
        UUID clientId = old.get(0).clientId;
        return slots.openOf(tenantId, clientId).chain(open -> chain(open.stream().map(slot -> {
            slot.state = CadenceSlotEntity.VOID;
            slot.updatedAt = now;
            return timers.voidAllOf(tenantId, slot.id, now).replaceWithVoid();
        }).toList())).call(() -> lines.flush());
    }

    /**
     * A counting meeting (§2.4) satisfies every open slot of a line it may satisfy whose anchor is on or before its
     * local held date; each gets its next slot from that date. A strategic one resets the streak and closes the
     * rebook and re-engage CTAs it restores (CADENCE_RESTORED).
     */
    public Uni<Counted> count(MeetingEntity meeting, ClientViewEntity client, EventContext context) {
        UUID tenantId = meeting.tenantId;
        return policies.ensure(tenantId).chain(versioned -> {
            CadencePolicy policy = versioned.policy();
            LocalDate heldDate = meeting.heldAt.atZone(policy.zone()).toLocalDate();
            Instant now = now();
            return lines.activeOf(tenantId, meeting.clientId).chain(active -> slots.openOf(tenantId, meeting.clientId)
                    .chain(open -> {
                        Map<UUID, CadenceLineEntity> byId = active.stream()
                                .collect(Collectors.toMap(l -> l.id, Function.identity()));
                        List<CadenceSlotEntity> satisfied = open.stream()
                                .filter(s -> byId.containsKey(s.lineId) && byId.get(s.lineId).satisfiedBy(meeting.meetingType)
                                        && !heldDate.isBefore(s.anchorDate))
                                .sorted(Comparator.comparing(s -> s.dueDate))
                                .toList();
                        boolean strategic = meeting.strategic || satisfied.stream().anyMatch(s -> s.strategic);
                        List<Uni<Void>> work = new ArrayList<>();
                        List<LocalDate> nextDues = new ArrayList<>();
                        List<String> types = new ArrayList<>();
                        for (CadenceSlotEntity slot : satisfied) {
                            CadenceLineEntity line = byId.get(slot.lineId);
                            slot.state = CadenceSlotEntity.SATISFIED;
                            slot.meetingId = meeting.id;
                            slot.updatedAt = now;
                            line.lastHeldAt = max(line.lastHeldAt, meeting.heldAt);
                            line.updatedAt = now;
                            types.add(line.meetingType);
                            SlotPlan next = SlotPlan.fromAnchor(heldDate, line.effectiveFrequency(), policy.zone());
                            nextDues.add(next.dueDate());
                            work.add(timers.voidAllOf(tenantId, slot.id, now).replaceWithVoid()
                                    .chain(() -> openSlot(line, next, versioned.version())));
                        }
                        if (strategic) {
                            client.consecutiveMisses = 0;
                            client.lastStrategicHeldAt = max(client.lastStrategicHeldAt, meeting.heldAt);
                            client.updatedAt = now;
                        }
                        UUID slotId = satisfied.isEmpty() ? null : satisfied.get(0).id;
                        LocalDate nextDue = nextDues.stream().min(Comparator.naturalOrder()).orElse(null);
                        // The slots are flushed closed before their successors open (one open slot per line).
                        return slots.flush().chain(() -> chain(work))
                                .chain(() -> ctas.restoreCadence(context, tenantId, meeting.clientId, types, strategic,
                                        meeting.id))
                                .chain(() -> ctas.resolveByMeeting(context, meeting))
                                .replaceWith(new Counted(nextDue, types, strategic, slotId));
                    }));
        });
    }

    /** The open slot a meeting of this type would satisfy, for {@code MeetingHeld.onTime} and links. */
    public Uni<Optional<CadenceSlotEntity>> openSlotFor(UUID tenantId, UUID clientId, String meetingType) {
        return lines.activeOf(tenantId, clientId).chain(active -> slots.openOf(tenantId, clientId).map(open -> {
            Map<UUID, CadenceLineEntity> byId = active.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
            return open.stream().filter(s -> byId.containsKey(s.lineId) && byId.get(s.lineId).satisfiedBy(meetingType))
                    .min(Comparator.comparing(s -> s.dueDate));
        }));
    }

    static Uni<Void> chain(List<Uni<Void>> steps) {
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Function.identity())
                .collect().asList().replaceWithVoid();
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
