package io.mspcs.roadmap.domain;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fiscal quarter {@code YYYY-Qn}; the year is the calendar year in which the fiscal year ends (roadmap.md §2). */
public record Quarter(int fiscalYear, int number) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-Q([1-4])$");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter number must be 1-4, was " + number);
        }
    }

    public static Quarter parse(String text) {
        Matcher matcher = FORMAT.matcher(Objects.requireNonNull(text, "quarter"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a quarter (YYYY-Qn): " + text);
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** {@code null} for {@code null}: a backlog item has no quarter. */
    public static Quarter parseNullable(String text) {
        return text == null ? null : parse(text);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(fiscalYear + 1, 1) : new Quarter(fiscalYear, number + 1);
    }

    @Override
    public int compareTo(Quarter other) {
        return fiscalYear != other.fiscalYear ? Integer.compare(fiscalYear, other.fiscalYear)
                : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return String.format("%04d-Q%d", fiscalYear, number);
    }
}
