package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ManualObservationsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");
    private static final UUID CLIENT = UUID.fromString("c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601");

    private static ManualObservations.Checked check(List<?> items) {
        AtomicInteger next = new AtomicInteger();
        return ManualObservations.check(items, CLIENT, NOW, () -> "manual-" + next.incrementAndGet());
    }

    @Test
    void validItemsBecomeSignalsOfTheClientWithAGeneratedKeyAndObservedNowByDefault() {
        ManualObservations.Checked checked = check(List.of(Map.of("type", "EXEC_SPONSOR_CONTACT", "channel", "CALL",
                "clientId", UUID.randomUUID().toString(), "externalId", "mine")));

        assertThat(checked.valid()).isTrue();
        assertThat(checked.items()).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("clientId", CLIENT.toString()).containsEntry("externalId", "manual-1")
                    .containsEntry("observedAt", "2026-11-20T14:00:00Z");
        });
    }

    @Test
    void aTypeOutsideTheFourManualOnesIsAnUnknownSignalType() {
        ManualObservations.Checked checked = check(List.of(Map.of("type", "COMPLAINT", "rootCause", "QUALITY",
                "summary", "late"), Map.of("type", "BACKUP_RESULT", "successRate", 0.5)));

        assertThat(checked.valid()).isFalse();
        assertThat(checked.problem().slug()).isEqualTo("unknown-signal-type");
        assertThat(checked.problem().errors()).extracting(Violation::field).containsExactly("items[1].type");
    }

    @Test
    void structuralProblemsWinOverRangeProblemsAndCollectEveryItemsErrors() {
        ManualObservations.Checked checked = check(List.of(
                Map.of("type", "SURVEY_RESPONSE", "survey", "PULSE", "score", 7),
                Map.of("type", "COMPLAINT", "rootCause", "QUALITY"),
                Map.of("type", "SERVICE_COVERAGE", "expected", 10)));

        assertThat(checked.problem().status()).isEqualTo(400);
        assertThat(checked.problem().errors()).extracting(Violation::field)
                .containsExactly("items[1].summary", "items[2].delivered");
    }

    @Test
    void anEmptyCallOrMoreThanFiftyItemsIsRefused() {
        assertThat(check(List.of()).problem().errors()).containsExactly(new Violation("items", "required"));
        assertThat(check(Collections.nCopies(51, Map.of("type", "EXEC_SPONSOR_CONTACT", "channel", "CALL")))
                .problem().errors()).containsExactly(new Violation("items", "max"));
    }
}
