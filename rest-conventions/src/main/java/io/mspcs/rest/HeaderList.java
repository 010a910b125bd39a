package io.mspcs.rest;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A comma-separated header value such as {@code X-Roles: CSM, AM}. */
final class HeaderList {

    private HeaderList() {
    }

    static Set<String> parse(String header) {
        return header == null ? Set.of()
                : Arrays.stream(header.split(",")).map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }
}
