package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantTest {

    @Test
    void parsesEveryTextExactlyAsInstantParseDoes() {
        for (String text : List.of("2026-11-20T13:55:00Z", "2026-11-20T13:55:00.1Z", "2026-11-20T13:55:00.123Z",
                "2026-11-20T13:55:00.123456789Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z",
                "2026-11-20T13:55:00+01:00", "2026-11-20t13:55:00z", "2026-11-20T24:00:00Z", "2026-12-31T23:59:60Z",
                "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-20T13:55:00.Z", "2026-11-20T13:55:00",
                "2026-11-20 13:55:00Z", "2026-11-2OT13:55:00Z", "2026-11-20T13:55:00.1234567890Z", "yesterday")) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> IsoInstant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void readsTheConnectorFormWithItsFraction() {
        assertThat(IsoInstant.parse("2026-11-20T13:55:00.25Z")).isEqualTo(Instant.ofEpochSecond(1_795_182_900L, 250_000_000));
    }
}
