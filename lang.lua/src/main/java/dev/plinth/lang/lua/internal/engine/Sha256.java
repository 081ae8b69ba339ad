package dev.plinth.lang.lua.internal.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The SHA-256 digests compiled chunks are kept by: a file's source ({@link LuaSource#digest()}) and a parsed chunk
 * (the reload package's {@code PrototypeDigest}), each as lower-case hexadecimal.
 *
 * <p>Stateless and thread-safe: each call digests into a {@link MessageDigest} of its own.
 */
public final class Sha256 {

    private Sha256() {}

    /**
     * Digests what the content writes.
     *
     * @param content writes the bytes to digest into the digest it is given, on the calling thread
     * @return the digest, 64 lower-case hexadecimal digits
     */
    public static String hex(Consumer<MessageDigest> content) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
        content.accept(digest);
        return HexFormat.of().formatHex(digest.digest());
    }
}
