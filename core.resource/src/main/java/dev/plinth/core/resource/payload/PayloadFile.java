package dev.plinth.core.resource.payload;

import java.util.Objects;

/**
 * One file of a client payload.
 *
 * @param path relative to the resource root, with {@code /}
 * @param size its size in bytes
 * @param sha256 the SHA-256 of its content, 64 lower-case hexadecimal digits
 * @param cache whether clients may keep it between sessions (meta.json's {@code cache: false} or
 *     {@code noCache: true} say no)
 * @param kind what it is to the client
 */
public record PayloadFile(String path, long size, String sha256, boolean cache, Kind kind) {

    /** What a file is to the client. */
    public enum Kind {
        /** A script the client runs. */
        SCRIPT,
        /** A declared asset: data, never executed. */
        ASSET,
        /** Any other file the client receives (resource.toml's {@code client-files}, a mod's or a pack's files). */
        FILE
    }

    /** Validates the components. */
    public PayloadFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(kind, "kind");
    }
}
