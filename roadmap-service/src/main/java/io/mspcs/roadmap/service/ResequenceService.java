package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.Placement;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** Manual resequencing (roadmap.md §9): all moves or none, one new version with reason MANUAL. */
@ApplicationScoped
public class ResequenceService {

    private final ClientStates states;
    private final InitiativeRepository initiatives;
    private final RoadmapVersions versions;
    private final BudgetService budgets;
    private final Clock clock;

    public ResequenceService(ClientStates states, InitiativeRepository initiatives, RoadmapVersions versions,
                             BudgetService budgets, Clock clock) {
        this.states = states;
        this.initiatives = initiatives;
        this.versions = versions;
        this.budgets = budgets;
        this.clock = clock;
    }

    public record MoveInput(UUID initiativeId, String toQuarter, Integer toPosition) {
    }

    public record Request(String note, List<MoveInput> moves) {
    }

    public record Outcome(int version, List<io.mspcs.roadmap.repository.StoredMove> moves) {
    }

    @WithTransaction
    public Uni<Outcome> resequence(UUID tenantId, String correlationId, UUID clientId, Integer ifMatch,
                                   Request request, Actor actor) {
        String note = InitiativeService.text(request.note(), "note", 200, true);
        List<MoveInput> asked = request.moves() == null ? List.of() : request.moves();
        if (asked.isEmpty() || asked.size() > 50) {
            throw ProblemException.invalid("moves", "size", "1 to 50 moves");
        }
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i).initiativeId() == null || asked.get(i).toPosition() == null
                    || asked.get(i).toPosition() < 1) {
                throw ProblemException.invalid("moves[" + i + "]", "required",
                        "each move needs an initiativeId and a toPosition ≥ 1");
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return states.known(tenantId, clientId, now).chain(state -> {
            if (ifMatch != null && ifMatch != state.roadmap().roadmapVersion) {
                throw new ProblemException(412, "version-mismatch", "Version mismatch", "Roadmap is at version "
                        + state.roadmap().roadmapVersion + ", not " + ifMatch, List.of());
            }
            List<Quarter> targets = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                MoveInput move = asked.get(i);
                InitiativeEntity initiative = state.initiative(move.initiativeId());
                if (initiative == null) {
                    throw DetailedProblem.unprocessable("initiative-not-found", "Initiative not found",
                            "Initiative " + move.initiativeId() + " is not on this client's roadmap",
                            Map.of("initiativeIds", List.of(move.initiativeId())));
                }
                if (!initiative.isOpen()) {
                    throw DetailedProblem.unprocessable("initiative-not-movable", "Initiative cannot be moved",
                            "Initiative " + initiative.id + " is " + initiative.state,
                            Map.of("initiativeIds", List.of(initiative.id)));
                }
                targets.add(move.toQuarter() == null ? null
                        : InitiativeService.quarterInWindow(state, move.toQuarter(), "moves[" + i + "].toQuarter"));
            }
            Map<UUID, Placement> before = ranks(state.openInOrder());
            TreeMap<Quarter, List<InitiativeEntity>> lanes = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            state.openInOrder().forEach(i -> lanes.computeIfAbsent(i.quarter(), q -> new ArrayList<>()).add(i));
            for (int i = 0; i < asked.size(); i++) {
                InitiativeEntity initiative = state.initiative(asked.get(i).initiativeId());
                lanes.values().forEach(list -> list.remove(initiative));
                List<InitiativeEntity> target = lanes.computeIfAbsent(targets.get(i), q -> new ArrayList<>());
                target.add(Math.min(asked.get(i).toPosition() - 1, target.size()), initiative);
            }
            if (!state.openFixFirst().isEmpty()) {
                lanes.values().forEach(list -> {
                    int lastRemediation = -1;
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i).remediation) {
                            lastRemediation = i;
                        }
                    }
                    for (int i = 0; i < lastRemediation; i++) {
                        if (!list.get(i).remediation) {
                            throw DetailedProblem.conflict("remediation-must-lead", "Remediation must lead",
                                    "While a fix-first gate is open no new work sits above remediation work");
                        }
                    }
                });
            }
            List<RoadmapMove> moves = new ArrayList<>();
            lanes.forEach((quarter, list) -> {
                for (int i = 0; i < list.size(); i++) {
                    InitiativeEntity initiative = list.get(i);
                    Placement from = before.get(initiative.id);
                    Placement to = new Placement(quarter, i + 1);
                    if (!Objects.equals(from.quarter(), quarter)) {
                        initiative.moveTo(quarter, i + 1, state.client().fiscalCalendar(), now);
                    } else {
                        initiative.place(to, now);
                    }
                    if (!from.equals(to)) {
                        moves.add(new RoadmapMove(initiative.id, from.quarter(), quarter, from.position(), i + 1));
                    }
                }
            });
            if (moves.isEmpty()) {
                return Uni.createFrom().item(new Outcome(state.roadmap().roadmapVersion, List.of()));
            }
            EventContext context = EventContext.ofRequest(tenantId, correlationId);
            return versions.record(state, "MANUAL", note, actor.principalId(), moves, context)
                    .call(() -> budgets.recompute(state, context, "Roadmap resequenced: " + note))
                    .call(initiatives::flush)
                    .map(ignored -> new Outcome(state.roadmap().roadmapVersion,
                            moves.stream().map(io.mspcs.roadmap.repository.StoredMove::of).toList()));
        });
    }

    private static Map<UUID, Placement> ranks(List<InitiativeEntity> ordered) {
        Map<UUID, Placement> ranks = new LinkedHashMap<>();
        Map<Quarter, Integer> counters = new java.util.HashMap<>();
        for (InitiativeEntity initiative : ordered) {
            int rank = counters.merge(initiative.quarter(), 1, Integer::sum);
            ranks.put(initiative.id, new Placement(initiative.quarter(), rank));
        }
        return ranks;
    }
}
