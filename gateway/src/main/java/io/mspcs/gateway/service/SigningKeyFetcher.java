package io.mspcs.gateway.service;

import io.smallrye.mutiny.Uni;

import java.net.URI;

/** Reads a ConnectWise callback signing key from its key URL (replaceable in tests). */
public interface SigningKeyFetcher {

    /** The {@code signing_key}; fails when the host does not answer with one. */
    Uni<String> fetch(URI keyUrl);
}
