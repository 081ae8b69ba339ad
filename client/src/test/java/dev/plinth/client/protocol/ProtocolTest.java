package dev.plinth.client.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    @Test
    void isSha256AgreesWithThePattern() {
        String hash = "0123456789abcdef".repeat(4);
        var texts = List.of(hash, hash.toUpperCase(), hash.substring(1), hash + "0", "", "g" + hash.substring(1),
                hash.substring(1) + "/", "../" + hash.substring(3), hash.substring(0, 63) + "\u0660", "%2e%2e"
                        + hash.substring(6), ("ab".repeat(32)), ("AB".repeat(32)), hash.replace('a', ':'),
                hash.replace('f', '`'));
        for (String text : texts) {
            assertEquals(Protocol.SHA256.matcher(text).matches(), Protocol.isSha256(text), text);
        }
        assertTrue(Protocol.isSha256(hash));
        assertFalse(Protocol.isSha256(hash.toUpperCase()));
    }
}
