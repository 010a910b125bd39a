package io.mspcs.contracts;

import java.util.List;

/** The four event topics (events.md §2); each has a dead-letter twin. */
public final class Topics {
    public static final String SEGMENTATION = "cs.segmentation.events";
    public static final String HEALTH = "cs.health.events";
    public static final String CADENCE = "cs.cadence.events";
    public static final String ROADMAP = "cs.roadmap.events";

    public static final List<String> EVENT_TOPICS = List.of(SEGMENTATION, HEALTH, CADENCE, ROADMAP);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** Every topic the platform needs: the event topics and their dead-letter topics. */
    public static List<String> all() {
        return EVENT_TOPICS.stream().flatMap(t -> java.util.stream.Stream.of(t, deadLetter(t))).toList();
    }
}
