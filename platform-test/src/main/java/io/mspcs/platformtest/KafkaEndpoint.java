package io.mspcs.platformtest;

/** A running broker with the platform's topics. */
public interface KafkaEndpoint {
    String bootstrapServers();
}
