package io.mspcs.roadmap.service;

import io.mspcs.roadmap.domain.PlanningWindow;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RoadmapPolicy;
import io.mspcs.roadmap.repository.BudgetLineEntity;
import io.mspcs.roadmap.repository.ClientViewEntity;
import io.mspcs.roadmap.repository.GateViewEntity;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.RoadmapEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a write on one client works on, loaded once in its transaction with the roadmap row locked: the client view,
 * its roadmap, all its initiatives, its open gates, its manual budget lines and the tenant's policy in force.
 */
public record ClientState(ClientRoadmap target, List<InitiativeEntity> initiatives, List<GateViewEntity> openGates,
                          List<BudgetLineEntity> manualLines, RoadmapPolicy policy, Instant now) {

    public ClientViewEntity client() {
        return target.client();
    }

    public RoadmapEntity roadmap() {
        return target.roadmap();
    }

    public UUID tenantId() {
        return roadmap().tenantId;
    }

    public UUID clientId() {
        return roadmap().clientId;
    }

    public Quarter currentQuarter() {
        return target.currentQuarter(now);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ClientRoadmap.TENANT_ZONE);
    }

    public PlanningWindow window() {
        return PlanningWindow.startingAt(currentQuarter(), policy.planningWindowFiscalYears());
    }

    public List<GateViewEntity> openFixFirst() {
        return openGates.stream().filter(GateViewEntity::isOpenFixFirst).toList();
    }

    public List<GateViewEntity> openSequencing() {
        return openGates.stream().filter(gate -> GateViewEntity.SEQUENCING.equals(gate.gate)).toList();
    }

    public InitiativeEntity initiative(UUID id) {
        return initiatives.stream().filter(initiative -> initiative.id.equals(id)).findFirst().orElse(null);
    }

    /** The next free position at the end of a quarter (or the backlog) among open items. */
    public int endOf(String quarter) {
        return initiatives.stream().filter(InitiativeEntity::isOpen)
                .filter(initiative -> Objects.equals(initiative.quarter, quarter))
                .mapToInt(initiative -> initiative.position).max().orElse(0) + 1;
    }

    /** An item left the open states: the others of its quarter close the gap, with no new roadmap version. */
    public void closeGap(String quarter) {
        List<InitiativeEntity> remaining = initiatives.stream().filter(InitiativeEntity::isOpen)
                .filter(initiative -> Objects.equals(initiative.quarter, quarter))
                .sorted(Comparator.comparingInt((InitiativeEntity initiative) -> initiative.position)
                        .thenComparing(initiative -> initiative.createdAt))
                .toList();
        for (int i = 0; i < remaining.size(); i++) {
            remaining.get(i).place(new io.mspcs.roadmap.domain.Placement(
                    Quarter.parseNullable(quarter), i + 1), now);
        }
    }

    /** Open items in roadmap order (quarters ascending, backlog last). */
    public List<InitiativeEntity> openInOrder() {
        return initiatives.stream().filter(InitiativeEntity::isOpen)
                .sorted(Comparator.comparing((InitiativeEntity initiative) -> initiative.quarter(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(initiative -> initiative.position))
                .toList();
    }
}
