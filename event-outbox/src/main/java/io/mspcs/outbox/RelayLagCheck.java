package io.mspcs.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Optional;

/**
 * Wellness ({@code /q/health/well}): the relay keeps up with the service's outbox, i.e. its slot lags less than
 * 50 MB of WAL (architecture.md §10). Not readiness on purpose: a slow relay delays events while the API works,
 * and taking pods out would turn a delay into an outage; it alerts instead.
 * <p>
 * A missing slot is DOWN: then no relay reads this outbox at all (connector never started, deleted or renamed)
 * and events pile up unpublished, which is worse than lag, not better.
 */
@Wellness
@ApplicationScoped
public class RelayLagCheck implements AsyncHealthCheck {

    static final String NAME = "outbox-relay";

    private final RelaySlot slot;
    private final long thresholdBytes;
    private final OutboxMetrics metrics;

    public RelayLagCheck(RelaySlot slot, OutboxMetrics metrics,
                         @ConfigProperty(name = "cs.outbox.relay-lag-threshold-bytes", defaultValue = "52428800") long thresholdBytes) {
        this.slot = slot;
        this.metrics = metrics;
        this.thresholdBytes = thresholdBytes;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return slot.state()
                .invoke(state -> state.ifPresent(s -> metrics.relayLag(s.lagBytes())))
                .map(state -> verdict(slot.name(), state, thresholdBytes))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("slot", slot.name())
                        .withData("error", "slot not readable: " + failure.getMessage()).build());
    }

    static HealthCheckResponse verdict(String slotName, Optional<RelaySlot.State> state, long thresholdBytes) {
        var response = HealthCheckResponse.named(NAME).withData("slot", slotName).withData("thresholdBytes", thresholdBytes);
        if (state.isEmpty()) {
            return response.down().withData("error", "replication slot " + slotName
                    + " does not exist: no relay reads this outbox, so its events are not published").build();
        }
        RelaySlot.State s = state.get();
        response.withData("lagBytes", s.lagBytes()).withData("relayConnected", s.active());
        return (s.lagBytes() < thresholdBytes ? response.up() : response.down()).build();
    }
}
