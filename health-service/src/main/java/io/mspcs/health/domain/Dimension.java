package io.mspcs.health.domain;

/** The five scored dimensions (health.md §3), in the order events list them. */
public enum Dimension {
    CX, ADOPTION, ENGAGEMENT, SERVICE_QUALITY, ALIGNMENT;

    /** Labels of §3.9 by colour; no colour → "Insufficient data". COMPOSITE shares CX's labels. */
    public String label(Color color) {
        return labelOf(name(), color);
    }

    public static String labelOf(String dimension, Color color) {
        if (color == null) {
            return "Insufficient data";
        }
        String[] labels = switch (dimension) {
            case "ADOPTION" -> new String[] {"Stable", "Partial", "At Risk"};
            case "ENGAGEMENT" -> new String[] {"Healthy", "Medium", "Low"};
            case "SERVICE_QUALITY" -> new String[] {"Trusted", "Stable", "At Risk"};
            case "ALIGNMENT" -> new String[] {"Aligned", "Partial", "Misaligned"};
            default -> new String[] {"Healthy", "Watch", "At Risk"};
        };
        return labels[color.ordinal()];
    }
}
