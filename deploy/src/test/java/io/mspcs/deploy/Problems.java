package io.mspcs.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Collects every finding of a check, so one run reports all of them, then fails loudly. */
final class Problems {

    private final List<String> items = new ArrayList<>();

    void add(String where, String what) {
        items.add(where + ": " + what);
    }

    /** Records {@code what} unless {@code ok}. */
    boolean check(boolean ok, String where, String what) {
        if (!ok) {
            add(where, what);
        }
        return ok;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    List<String> items() {
        return List.copyOf(items);
    }

    void assertNone(String title) {
        if (!items.isEmpty()) {
            fail(title + ": " + items.size() + " problem(s)\n  - " + String.join("\n  - ", items));
        }
    }
}
