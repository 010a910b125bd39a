package io.mspcs.health.service;

import io.mspcs.health.domain.ExpectedMoves;
import io.mspcs.health.repository.DmiCoverageRepository;
import io.mspcs.health.repository.DmiSnapshotEntity;
import io.mspcs.health.repository.DmiSnapshotRepository;
import io.mspcs.health.repository.ExpectedMoveStore;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Expected moves from InitiativeCompleted health links, judged against later CYCLE snapshots (health.md §3.3). */
@ApplicationScoped
public class ExpectedMoveService {

    private final ExpectedMoveStore moves;
    private final DmiCoverageRepository coverages;
    private final DmiSnapshotRepository snapshots;
    private final Clock clock;

    public ExpectedMoveService(ExpectedMoveStore moves, DmiCoverageRepository coverages, DmiSnapshotRepository snapshots,
                               Clock clock) {
        this.moves = moves;
        this.coverages = coverages;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** A health link of a completed initiative; links without an insight name no DMI move. */
    public record Link(String insightCode, BigDecimal expectedPoints) {
    }

    /** Inside the consumer's transaction: baselines are the client's current coverage at the time of handling. */
    public Uni<Void> record(UUID tenantId, UUID clientId, UUID initiativeId, Instant completedAt, List<Link> links) {
        List<Link> dmiLinks = links.stream().filter(l -> l.insightCode() != null && l.expectedPoints() != null).toList();
        if (dmiLinks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return coverages.ofClient(tenantId, clientId).chain(current -> {
            Map<String, BigDecimal> baseline = new HashMap<>();
            current.forEach(c -> baseline.put(c.insightCode, c.coverage));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Link link : dmiLinks) {
                ExpectedMoves.Move move = new ExpectedMoves.Move(initiativeId, link.insightCode(),
                        link.expectedPoints(), baseline.get(link.insightCode()), completedAt);
                chain = chain.chain(() -> moves.record(tenantId, clientId, move, now));
            }
            return chain;
        });
    }

    @WithTransaction
    public Uni<List<ExpectedMoves.Verdict>> verdicts(UUID tenantId, UUID clientId) {
        return moves.ofClient(tenantId, clientId).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().item(List.<ExpectedMoves.Verdict>of());
            }
            Instant from = list.stream().map(ExpectedMoves.Move::completedAt).min(Comparator.naturalOrder()).orElseThrow();
            return snapshots.cyclesFrom(tenantId, clientId, from).map(cycles -> {
                List<ExpectedMoves.CycleReading> readings = cycles.stream().map(ExpectedMoveService::reading).toList();
                return list.stream().map(move -> ExpectedMoves.evaluate(move, readings)).toList();
            });
        });
    }

    private static ExpectedMoves.CycleReading reading(DmiSnapshotEntity snapshot) {
        Map<String, BigDecimal> coverage = new HashMap<>();
        snapshot.contents.insights().forEach(i -> coverage.put(i.insightCode(), i.coverage()));
        return new ExpectedMoves.CycleReading(snapshot.measuredAt, coverage);
    }
}
