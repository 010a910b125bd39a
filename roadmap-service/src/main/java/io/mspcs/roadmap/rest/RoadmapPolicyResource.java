package io.mspcs.roadmap.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/api/v1/roadmap-policy")
@Tag(name = "Roadmap policy", description = "The tenant's roadmap policy")
public class RoadmapPolicyResource {

    /** The default policy of roadmap.md §2, which every tenant runs on until policies become editable. */
    public record Policy(int version, List<String> lanes, List<Integer> agingBucketStartDays, boolean autoClose,
                         String sweepTime, int proposalValidityDays, boolean preApprovalRequired,
                         int preApprovalStaleDays, int preApprovalLapsedDays, String budgetGateMode,
                         int planningWindowFiscalYears, int maxBigRocksPerQuarter,
                         Map<String, Map<String, Integer>> calibration) {
    }

    static final Policy DEFAULT = new Policy(1, List.of("STABILITY", "EFFICIENCY", "GROWTH"), List.of(15, 31, 61),
            true, "06:00", 60, true, 30, 60, "WARN", 4, 2, Map.of(
            "A", Map.of("horizonQuarters", 8, "freshnessDays", 120),
            "B", Map.of("horizonQuarters", 4, "freshnessDays", 120),
            "C", Map.of("horizonQuarters", 2, "freshnessDays", 180),
            "D", Map.of("horizonQuarters", 4, "freshnessDays", 365),
            "UNSEGMENTED", Map.of("horizonQuarters", 4, "freshnessDays", 180)));

    @GET
    @Operation(summary = "The tenant's roadmap policy (lanes, aging, validity, pre-approval, budget gate, window)")
    public Policy get() {
        return DEFAULT;
    }
}
