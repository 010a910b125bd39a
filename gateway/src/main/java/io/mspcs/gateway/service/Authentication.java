package io.mspcs.gateway.service;

import io.mspcs.gateway.domain.Principal;

/** The answer to "who is calling": a principal, or the status and problem slug that refuse the request. */
public record Authentication(Principal principal, int status, String slug, String detail) {

    public static Authentication of(Principal principal) {
        return new Authentication(principal, 200, null, null);
    }

    public static Authentication invalid(String detail) {
        return new Authentication(null, 401, "invalid-credentials", detail);
    }

    public static Authentication refused(String slug, String detail) {
        return new Authentication(null, 403, slug, detail);
    }

    public boolean succeeded() {
        return principal != null;
    }
}
