package io.mspcs.roadmap.domain;

/** Where an item sits: a fiscal quarter (null = backlog) and its rank there, from 1. */
public record Placement(Quarter quarter, int position) {

    public Placement {
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1, was " + position);
        }
    }

    public boolean inBacklog() {
        return quarter == null;
    }
}
