package io.mspcs.segmentation.domain;

import io.mspcs.segmentation.domain.SegmentEvaluator.Axes;
import io.mspcs.segmentation.domain.SegmentEvaluator.Evaluation;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One client moved through evaluations by hand, as the services do, for the worked examples. */
final class ClientScenario {

    final SegmentationPolicy policy = SegmentationPolicy.defaults();
    final BigDecimal mrr = new BigDecimal("8000.00");
    final List<ClientSignals.DmiReading> dmi = new ArrayList<>();
    final List<ClientSignals.CadenceRecord> cadence = new ArrayList<>();
    final List<ClientSignals.NegativeEvent> negatives = new ArrayList<>();
    final List<ClientSignals.OpenCta> openCtas = new ArrayList<>();
    String color;
    SegmentAssignment state;

    ClientScenario(Instant registeredAt) {
        state = SegmentEvaluator.provisional(context(registeredAt));
    }

    ClientSignals signals() {
        return new ClientSignals(List.copyOf(dmi), List.copyOf(cadence), List.copyOf(negatives), List.copyOf(openCtas), color, null, java.util.Map.of());
    }

    SegmentEvaluator.Context context(Instant now) {
        return new SegmentEvaluator.Context(policy, mrr, MrrBand.fixed(mrr, policy.mrrBands()), signals(), now);
    }

    Evaluation score(String at, String maturity, String appetite) {
        Instant now = Instant.parse(at);
        return apply(SegmentEvaluator.evaluate(state, new Axes(new BigDecimal(maturity), new BigDecimal(appetite),
                new SegmentAssignment.InputHealth(UUID.randomUUID(), 1, now)), Trigger.HEALTH, context(now)));
    }

    Evaluation run(String at, Trigger trigger) {
        return apply(SegmentEvaluator.evaluate(state, Axes.of(state), trigger, context(Instant.parse(at))));
    }

    Evaluation apply(Evaluation evaluation) {
        state = evaluation.next();
        return evaluation;
    }

    void dmi(String at, String value) {
        dmi.add(new ClientSignals.DmiReading(new BigDecimal(value), Instant.parse(at)));
    }
}
