package io.mspcs.contracts;

/** Header names on every event record (events.md §1); values are plain strings. */
public final class KafkaHeaders {
    public static final String ID = "id";
    public static final String TYPE = "ce_type";
    public static final String TENANT_ID = "ce_tenantid";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String DLQ_CONSUMER = "cs-dlq-consumer";
    public static final String DLQ_ATTEMPTS = "cs-dlq-attempts";

    private KafkaHeaders() {
    }
}
