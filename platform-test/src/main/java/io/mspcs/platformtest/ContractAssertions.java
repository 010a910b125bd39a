package io.mspcs.platformtest;

import io.mspcs.contracts.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/** Producer side of the contract (events.md §5.1): what a service emits validates and its headers agree. */
public final class ContractAssertions {

    private ContractAssertions() {
    }

    public static void assertValid(OutboxRows.Row row) {
        assertThat(EventSchemas.violations(row.envelope())).as("schema violations of %s", row.type()).isEmpty();
        assertThat(row.envelope().path("type").asText()).isEqualTo(row.type());
        assertThat(row.envelope().path("partitionkey").asText()).isEqualTo(row.partitionKey());
        assertThat(row.envelope().path("correlationid").asText()).isEqualTo(row.correlationId());
        String causation = row.causationId() == null ? null : row.causationId().toString();
        assertThat(row.envelope().path("causationid").isMissingNode() ? null : row.envelope().path("causationid").asText())
                .isEqualTo(causation);
    }
}
