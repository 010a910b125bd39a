package io.mspcs.health.rest;

import io.mspcs.health.domain.DmiPolicy;
import io.mspcs.health.domain.DmiSheet;
import io.mspcs.health.domain.ExpectedMoves;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The DMI sheet as served (health.md §2.4): the DMI, how complete it is, and every insight's share in it. */
public record DmiSheetView(UUID clientId, BigDecimal dmi, String color, String label, BigDecimal completeness,
                           boolean complete, BigDecimal tier1Dmi, List<Category> categories, List<Gap> topGaps,
                           List<InsightLine> insights, BandView band, String method, int catalogVersion,
                           Instant dataAsOf, List<ExpectedMove> expectedMoves) {

    /** An initiative's promised move on an insight and its verdict (PENDING, MET, MISSED). */
    public record ExpectedMove(UUID initiativeId, String insightCode, BigDecimal expectedPoints,
                               BigDecimal baselineCoverage, Instant completedAt, String status,
                               BigDecimal actualPoints, Instant measuredAt) {
    }

    public record Category(String category, BigDecimal score) {
    }

    public record Gap(String insightCode, String category, BigDecimal coverage, BigDecimal target, int weight,
                      BigDecimal gap) {
    }

    public record InsightLine(String code, String category, int weight, BigDecimal target, int tier,
                              BigDecimal coverage, String status, Instant observedAt, String source,
                              BigDecimal contribution, BigDecimal gap) {
    }

    /** Which band colours this client, and why: its segment, or STANDARD when it has none or it is provisional. */
    public record BandView(String profile, BigDecimal greenMin, BigDecimal redBelow) {
    }

    static DmiSheetView of(UUID clientId, DmiSheet sheet) {
        return of(clientId, sheet, List.of());
    }

    static DmiSheetView of(UUID clientId, DmiSheet sheet, List<ExpectedMoves.Verdict> moves) {
        return new DmiSheetView(clientId, sheet.dmi(), sheet.color() == null ? null : sheet.color().name(),
                DmiPolicy.label(sheet.color()), sheet.completeness(), sheet.complete(), sheet.tier1Dmi(),
                sheet.categories().stream().map(c -> new Category(c.category(), c.score())).toList(),
                sheet.topGaps().stream().map(g -> new Gap(g.insightCode(), g.category(), g.coverage(), g.target(),
                        g.weight(), g.gap())).toList(),
                sheet.insights().stream().map(l -> new InsightLine(l.code(), l.category(), l.weight(), l.target(),
                        l.tier(), l.coverage(), l.status().name(), l.observedAt(), l.source(), l.contribution(),
                        l.gap())).toList(),
                new BandView(sheet.profile().name(), sheet.band().greenMin(), sheet.band().redBelow()),
                sheet.method().name(), sheet.catalogVersion(), sheet.dataAsOf(),
                moves.stream().map(v -> new ExpectedMove(v.move().initiativeId(), v.move().insightCode(),
                        v.move().expectedPoints(), v.move().baselineCoverage(), v.move().completedAt(),
                        v.status().name(), v.actualPoints(), v.measuredAt())).toList());
    }
}
