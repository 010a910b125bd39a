package io.mspcs.cadence.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An SLA offset in the notation of cadence.md §4.3: {@code Nh}, {@code Nd}, {@code Nbd}, {@code Nbh}. */
public record SlaOffset(int amount, Unit unit) {

    private static final Pattern NOTATION = Pattern.compile("(\\d{1,4})(h|d|bd|bh)");

    public enum Unit {
        /** exact hours */
        HOURS("h"),
        /** calendar days, due at close of business, moved to the next working day */
        DAYS("d"),
        /** working days, due at close of business */
        BUSINESS_DAYS("bd"),
        /** working hours inside business hours */
        BUSINESS_HOURS("bh");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    public SlaOffset {
        if (amount < 0) {
            throw new IllegalArgumentException("an SLA offset cannot be negative");
        }
    }

    public static SlaOffset parse(String notation) {
        Matcher matcher = NOTATION.matcher(notation == null ? "" : notation.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an SLA offset (Nh, Nd, Nbd, Nbh): " + notation);
        }
        int amount = Integer.parseInt(matcher.group(1));
        for (Unit unit : Unit.values()) {
            if (unit.suffix.equals(matcher.group(2))) {
                return new SlaOffset(amount, unit);
            }
        }
        throw new IllegalStateException("unreachable: " + notation);
    }

    @Override
    public String toString() {
        return amount + unit.suffix;
    }
}
