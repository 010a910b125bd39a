package io.mspcs.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Bounded in-process retries of transient failures before a record is dead-lettered (events.md §2). */
@ConfigMapping(prefix = "cs.consumer.retry")
public interface ConsumerRetryConfig {

    /** Tries in all, the first included. */
    @WithDefault("6")
    int attempts();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();
}
