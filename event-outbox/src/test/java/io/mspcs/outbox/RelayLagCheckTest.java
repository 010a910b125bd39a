package io.mspcs.outbox;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RelayLagCheckTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @Test
    void isUpWhileTheRelayLagsLessThanFiftyMegabytes() {
        HealthCheckResponse response = RelayLagCheck.verdict("cs_cadence_outbox",
                Optional.of(new RelaySlot.State(FIFTY_MB - 1, true)), FIFTY_MB);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("lagBytes", FIFTY_MB - 1)
                .containsEntry("slot", "cs_cadence_outbox").containsEntry("relayConnected", true);
    }

    @Test
    void isDownFromFiftyMegabytesOfUnconfirmedWal() {
        HealthCheckResponse response = RelayLagCheck.verdict("cs_cadence_outbox",
                Optional.of(new RelaySlot.State(FIFTY_MB, false)), FIFTY_MB);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("relayConnected", false);
    }

    @Test
    void isDownNamingTheSlotWhenNoRelayEverCreatedIt() {
        HealthCheckResponse response = RelayLagCheck.verdict("cs_cadence_outbox", Optional.empty(), FIFTY_MB);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) response.getData().orElseThrow().get("error"))
                .contains("cs_cadence_outbox").contains("does not exist");
    }
}
