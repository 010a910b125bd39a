package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** health.md §4 item validation. */
class SignalParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T14:00:00Z");

    private static Map<String, Object> mfa() {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", "mfa-4411-1120");
        item.put("type", "MFA_COVERAGE");
        item.put("client", Map.of("source", "connectwise", "externalId", "19283"));
        item.put("observedAt", "2026-11-20T13:55:00Z");
        item.put("numerator", 33);
        item.put("denominator", 60);
        return item;
    }

    @Test
    void thirtyThreeOfSixtyIsCoverageFiftyFiveForMfa() {
        SignalParser.Result result = SignalParser.parse(0, mfa(), RECEIVED);
        assertThat(result.problem()).isNull();
        assertThat(result.signal().coverage()).isEqualByComparingTo("0.55");
        assertThat(result.signal().insightCode()).isEqualTo("MFA");
        assertThat(result.signal().clientSource()).isEqualTo("connectwise");
    }

    @Test
    void anObservationMoreThanFiveMinutesAfterReceiptIsInTheFuture() {
        Map<String, Object> item = mfa();
        item.put("observedAt", "2026-11-20T14:05:00Z");
        assertThat(SignalParser.parse(0, item, RECEIVED).problem()).isNull();
        item.put("observedAt", "2026-11-22T00:00:00Z");
        assertThat(SignalParser.parse(0, item, RECEIVED).problem().slug()).isEqualTo("observed-in-future");
    }

    @Test
    void outOfScaleValuesAreOutOfRange() {
        Map<String, Object> item = mfa();
        item.put("denominator", 0);
        assertThat(SignalParser.parse(0, item, RECEIVED).problem().slug()).isEqualTo("value-out-of-range");
        Map<String, Object> survey = new HashMap<>(Map.of("externalId", "s", "type", "SURVEY_RESPONSE",
                "clientId", "c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601", "observedAt", "2026-11-19T10:00:00Z",
                "survey", "PULSE", "score", 6));
        assertThat(SignalParser.parse(0, survey, RECEIVED).problem().slug()).isEqualTo("value-out-of-range");
        survey.put("survey", "NPS");
        assertThat(SignalParser.parse(0, survey, RECEIVED).problem()).isNull();
    }

    @Test
    void bothClientFormsOrAWrongTypeAreValidationFailures() {
        Map<String, Object> item = mfa();
        item.put("clientId", "c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601");
        ItemProblem problem = SignalParser.parse(3, item, RECEIVED).problem();
        assertThat(problem.slug()).isEqualTo("validation-failed");
        assertThat(problem.errors()).containsExactly(new Violation("items[3].clientId", "one-of"));
        Map<String, Object> typed = mfa();
        typed.put("numerator", "33");
        assertThat(SignalParser.parse(0, typed, RECEIVED).problem().errors())
                .containsExactly(new Violation("items[0].numerator", "type"));
    }

    @Test
    void backupKeepsAnExplicitNullRestoreTestApartFromAnAbsentOne() {
        Map<String, Object> backup = new HashMap<>(Map.of("externalId", "b", "type", "BACKUP_RESULT",
                "clientId", "c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601", "observedAt", "2026-11-21T06:00:00Z",
                "successRate", 0.60, "windowDays", 30, "jobsTotal", 150, "jobsFailed", 60, "devicesAffected", 4));
        ParsedSignal absent = SignalParser.parse(0, backup, Instant.parse("2026-11-21T06:00:00Z")).signal();
        assertThat(absent.values()).doesNotContainKey("lastRestoreTestAt");
        assertThat(absent.coverage()).isEqualByComparingTo("0.60");
        assertThat(absent.insightCode()).isEqualTo("BACKUP_SUCCESS");
        backup.put("lastRestoreTestAt", null);
        ParsedSignal never = SignalParser.parse(0, backup, Instant.parse("2026-11-21T06:00:00Z")).signal();
        assertThat(never.values()).containsEntry("lastRestoreTestAt", null);
    }
}
