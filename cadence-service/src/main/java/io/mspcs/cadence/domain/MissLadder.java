package io.mspcs.cadence.domain;

/**
 * The escalation ladder of cadence.md §3.1: what a strategic miss making the streak {@code n} adds to the
 * {@code MeetingMissed}. Misses of non-strategic lines add nothing and do not move the streak.
 */
public final class MissLadder {

    public enum Step {
        /** streak 1: T-MISS1 rebook CTA */
        REBOOK,
        /** streak 2 (reengageAt): CadenceMissed REENGAGE, T-MISS2; rebook CTAs superseded */
        REENGAGE,
        /** streak ≥ 3 (reviewAt): CadenceMissed CADENCE_REVIEW, T-MISS3 */
        CADENCE_REVIEW
    }

    private MissLadder() {
    }

    public static Step step(int streak, CadencePolicy.MissLadder ladder) {
        if (streak >= ladder.reviewAt()) {
            return Step.CADENCE_REVIEW;
        }
        return streak >= ladder.reengageAt() ? Step.REENGAGE : Step.REBOOK;
    }

    /** The {@code threshold} CadenceMissed reports: the rung the streak reached. */
    public static int threshold(Step step, CadencePolicy.MissLadder ladder) {
        return step == Step.CADENCE_REVIEW ? ladder.reviewAt() : ladder.reengageAt();
    }
}
