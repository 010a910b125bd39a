package io.mspcs.rest;

/**
 * The user roles of gateway.md §2.1, as the gateway forwards them in {@code X-Roles}. Write endpoints list the roles
 * and key scopes ({@link Scopes}) they admit in {@code @RolesAllowed}; roles add up, so one of them is enough.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String CS_LEADER = "CS_LEADER";
    public static final String CSM = "CSM";
    public static final String VCIO = "VCIO";
    public static final String TAM = "TAM";
    public static final String AM = "AM";
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
