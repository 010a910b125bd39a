package io.mspcs.roadmap.domain;

/** Deferred work (roadmap.md §4 #6): by default the quarter after max(own quarter, current quarter). */
public final class Deferral {

    private Deferral() {
    }

    public static Quarter nextQuarter(Quarter own, Quarter current) {
        Quarter later = own == null || own.compareTo(current) < 0 ? current : own;
        return later.next();
    }
}
