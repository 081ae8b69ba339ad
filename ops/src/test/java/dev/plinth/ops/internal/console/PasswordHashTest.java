package dev.plinth.ops.internal.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = PasswordHash.hash("correct horse");

        assertTrue(hash.startsWith("pbkdf2-sha256:210000:"), hash);
        assertFalse(hash.contains("correct horse"));
        assertTrue(PasswordHash.matches("correct horse", hash));
        assertFalse(PasswordHash.matches("correct horse ", hash));
        assertFalse(PasswordHash.matches("", hash));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(PasswordHash.hash("same password"), PasswordHash.hash("same password"));
    }

    @Test
    void aPlainTextPasswordInTheFileIsRefusedNotCompared() {
        var refused = assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches("secret", "secret"));
        assertTrue(refused.getMessage().contains("plinth:passwd"), refused.getMessage());
    }
}
