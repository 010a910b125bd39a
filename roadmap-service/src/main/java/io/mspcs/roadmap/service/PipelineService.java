package io.mspcs.roadmap.service;

import io.mspcs.contracts.Money;
import io.mspcs.roadmap.domain.AgingBucket;
import io.mspcs.roadmap.domain.PipelineOutcomes;
import io.mspcs.roadmap.repository.ClientViewRepository;
import io.mspcs.roadmap.repository.ProposalEntity;
import io.mspcs.roadmap.repository.ProposalEntity.Status;
import io.mspcs.roadmap.repository.ProposalRepository;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.mspcs.roadmap.repository.RoadmapRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The tenant's proposal pipeline (roadmap.md §9): undecided by bucket and amount, drafts, outcomes of a period. */
@ApplicationScoped
public class PipelineService {

    private final ProposalRepository proposals;
    private final ClientViewRepository views;
    private final RoadmapRepository roadmaps;
    private final Clock clock;
    private final RoadmapPolicyRepository policies;

    public PipelineService(ProposalRepository proposals, ClientViewRepository views, RoadmapRepository roadmaps,
                           Clock clock, RoadmapPolicyRepository policies) {
        this.policies = policies;
        this.proposals = proposals;
        this.views = views;
        this.roadmaps = roadmaps;
        this.clock = clock;
    }

    public record BucketFigures(String bucket, int count, Money oneTime, Money recurringMonthly,
                                Money firstYearValue) {
    }

    public record Outcomes(int accepted, int declined, int autoClosed, BigDecimal winRatePct,
                           BigDecimal medianDaysToDecision, BigDecimal declineReasonCapturedPct,
                           Map<String, Integer> declinedByReason) {
    }

    public record Pipeline(String currency, List<BucketFigures> undecided, int drafts, int blockedByGate,
                           Outcomes outcomes) {
    }

    @WithTransaction
    public Uni<Pipeline> pipeline(UUID tenantId, LocalDate from, LocalDate to, String ownerMemberId,
                                  String segment) {
        Instant now = clock.instant();
        return policies.inForce(tenantId).chain(policy -> views.tenantCurrency(tenantId).chain(currency -> roadmaps.list("tenantId = ?1 and proposalsBlocked = true",
                tenantId).chain(blocked -> proposals.list(tenantId, new ProposalRepository.Filter(null, null,
                ownerMemberId, segment)).map(all -> {
            String money = currency == null ? ClientViewService.DEFAULT_CURRENCY : currency;
            List<UUID> blockedClients = blocked.stream().map(r -> r.clientId).toList();
            Map<AgingBucket, List<ProposalEntity>> byBucket = new EnumMap<>(AgingBucket.class);
            for (AgingBucket bucket : AgingBucket.values()) {
                byBucket.put(bucket, new ArrayList<>());
            }
            int drafts = 0;
            int blockedCount = 0;
            int accepted = 0;
            int declined = 0;
            int autoClosed = 0;
            int withReason = 0;
            List<Long> daysToDecision = new ArrayList<>();
            Map<String, Integer> declinedByReason = new TreeMap<>();
            for (ProposalEntity proposal : all) {
                if (proposal.isOpen() && blockedClients.contains(proposal.clientId)) {
                    blockedCount++;
                }
                if (proposal.status == Status.DRAFT) {
                    drafts++;
                } else if (proposal.status == Status.SENT) {
                    byBucket.get(AgingBucket.of(AgingBucket.ageDays(proposal.sentAt, now),
                            policy.agingBucketStartDays())).add(proposal);
                }
                Instant decided = proposal.status == Status.CLOSED ? proposal.closedAt : proposal.decidedAt;
                if (decided == null || !inPeriod(decided, from, to)) {
                    continue;
                }
                switch (proposal.status) {
                    case ACCEPTED -> accepted++;
                    case DECLINED -> {
                        declined++;
                        withReason++;
                        declinedByReason.merge(proposal.declineReasonCode, 1, Integer::sum);
                    }
                    case CLOSED -> {
                        if ("AUTO_CLOSED".equals(proposal.closeReason)) {
                            autoClosed++;
                            if (proposal.declineReasonCode != null) {
                                withReason++;
                            }
                        }
                    }
                    default -> {
                    }
                }
                if ((proposal.status == Status.ACCEPTED || proposal.status == Status.DECLINED)
                        && proposal.sentAt != null) {
                    daysToDecision.add(Duration.between(proposal.sentAt, decided).toDays());
                }
            }
            List<BucketFigures> undecided = byBucket.entrySet().stream().map(entry -> figures(entry.getKey(),
                    entry.getValue(), money)).toList();
            PipelineOutcomes rates = new PipelineOutcomes(accepted, declined, autoClosed, withReason);
            return new Pipeline(money, undecided, drafts, blockedCount, new Outcomes(accepted, declined, autoClosed,
                    rates.winRatePct(), median(daysToDecision), rates.declineReasonCapturedPct(), declinedByReason));
        }))));
    }

    private static BucketFigures figures(AgingBucket bucket, List<ProposalEntity> proposals, String currency) {
        BigDecimal oneTime = BigDecimal.ZERO;
        BigDecimal recurring = BigDecimal.ZERO;
        BigDecimal firstYear = BigDecimal.ZERO;
        for (ProposalEntity proposal : proposals) {
            oneTime = oneTime.add(proposal.oneTime);
            recurring = recurring.add(proposal.recurringMonthly);
            firstYear = firstYear.add(proposal.firstYearValue());
        }
        return new BucketFigures(bucket.name(), proposals.size(), new Money(oneTime.setScale(2), currency),
                new Money(recurring.setScale(2), currency), new Money(firstYear.setScale(2), currency));
    }

    private static boolean inPeriod(Instant decided, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(decided, ZoneOffset.UTC);
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static BigDecimal median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1 ? BigDecimal.valueOf(sorted.get(middle))
                : BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2));
        return median.setScale(1);
    }
}
