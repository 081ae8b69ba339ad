package dev.plinth.ops.internal.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for {@code webconsole.password}: PBKDF2 with HMAC-SHA-256 (the JDK's), a random 16-byte salt and
 * {@value #ITERATIONS} iterations, written {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (Base64). Checking compares in
 * constant time.
 *
 * <p>Stateless: thread-safe.
 */
final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 210_000;
    private static final int BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    /** {@return the hash of a password, with a new salt} */
    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * Whether a password matches a stored hash.
     *
     * @param password what was typed
     * @param stored the hash from {@code conf/server.json}
     * @return {@code true} when it matches; {@code false} for a wrong password
     * @throws IllegalArgumentException when the stored value is not a hash this class writes
     */
    static boolean matches(String password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("webconsole.password is not a " + SCHEME
                    + " hash: set it with plinth:passwd USER PASSWORD, never as plain text");
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
