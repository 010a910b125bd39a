package io.mspcs.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What a PSA callback is about, whatever its sender's layout (gateway.md §9.2): the entity ({@code company},
 * {@code ticket}, {@code configuration} or another name), the action, the sender's id, its timestamp and the fields
 * it carries. ConnectWise: {@code Type, Action, ID, Entity}; Autotask: {@code EntityType, Action, Id, EventTime,
 * Fields}; generic senders: {@code entity, action, id, occurredAt, data}.
 */
public record CallbackFacts(String entity, String action, String externalId, String occurredAt,
                            Map<String, Object> fields) {

    public static final String COMPANY = "company";
    public static final String TICKET = "ticket";
    public static final String CONFIGURATION = "configuration";

    /** @param body the parsed JSON object; nested objects are maps */
    public static CallbackFacts of(ConnectionSource source, Map<String, Object> body) {
        return switch (source) {
            case CONNECTWISE -> new CallbackFacts(entity(text(body, "Type")), lower(text(body, "Action")),
                    text(body, "ID"), text(map(body, "Entity"), "_info", "lastUpdated"), map(body, "Entity"));
            case AUTOTASK -> new CallbackFacts(entity(text(body, "EntityType")), lower(text(body, "Action")),
                    text(body, "Id"), text(body, "EventTime") == null ? null
                    : text(body, "EventTime") + "#" + text(body, "SequenceNumber"), map(body, "Fields"));
            case GENERIC -> new CallbackFacts(entity(text(body, "entity")), lower(text(body, "action")),
                    text(body, "id"), text(body, "occurredAt"), map(body, "data"));
        };
    }

    /**
     * The key a repeated callback shares with the first: entity, id, action and timestamp when the sender gives them
     * all, else the body's hash (gateway.md §9.2). Hashed, so its length is fixed.
     */
    public String dedupeKey(byte[] rawBody) {
        if (entity != null && action != null && externalId != null && occurredAt != null) {
            return "e:" + sha256(String.join("\u0000", entity, action, externalId, occurredAt)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return "b:" + sha256(rawBody);
    }

    private static String entity(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("company") || n.equals("companies") || n.equals("account")) {
            return COMPANY;
        }
        if (n.equals("ticket") || n.equals("tickets")) {
            return TICKET;
        }
        if (n.equals("configuration") || n.equals("configurations") || n.equals("configurationitem")
                || n.equals("configurationitems") || n.equals("device")) {
            return CONFIGURATION;
        }
        return n;
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** A scalar at the path as text (numbers and booleans included); null when absent or not a scalar. */
    public static String text(Map<String, Object> map, String... path) {
        Object value = at(map, path);
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    public static Object at(Map<String, Object> map, String... path) {
        Object current = map;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
