package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How much engagement MRR buys (segmentation.md §3.8); never called a segment. */
public enum MrrBand {
    VIP, HIGH, MID, LOW;

    /** FIXED method: lower bounds inclusive. */
    public static MrrBand fixed(BigDecimal mrr, SegmentationPolicy.MrrBands bands) {
        if (mrr.compareTo(bands.vip()) >= 0) {
            return VIP;
        }
        if (mrr.compareTo(bands.high()) >= 0) {
            return HIGH;
        }
        return mrr.compareTo(bands.mid()) >= 0 ? MID : LOW;
    }

    /** One active client as EQUAL_REVENUE ranks it. */
    public record Ranked(UUID clientId, BigDecimal mrr, Instant createdAt) {
    }

    /**
     * EQUAL_REVENUE: each band holds about a quarter of the revenue; a client straddling a boundary stays in the band
     * where its revenue starts (cumBefore).
     */
    public static Map<UUID, MrrBand> equalRevenue(List<Ranked> clients) {
        List<Ranked> ordered = clients.stream().sorted(Comparator.comparing(Ranked::mrr).reversed()
                .thenComparing(Ranked::createdAt).thenComparing(Ranked::clientId)).toList();
        BigDecimal total = ordered.stream().map(Ranked::mrr).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<UUID, MrrBand> bands = new LinkedHashMap<>();
        BigDecimal cumBefore = BigDecimal.ZERO;
        for (Ranked client : ordered) {
            if (total.signum() == 0) {
                bands.put(client.clientId(), LOW);
                continue;
            }
            int band = Math.min(4, 1 + cumBefore.multiply(BigDecimal.valueOf(4)).divide(total, 0, RoundingMode.FLOOR).intValue());
            bands.put(client.clientId(), values()[band - 1]);
            cumBefore = cumBefore.add(client.mrr());
        }
        return bands;
    }
}
