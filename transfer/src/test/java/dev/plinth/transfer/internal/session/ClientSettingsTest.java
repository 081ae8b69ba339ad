package dev.plinth.transfer.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void defaultsAreWhatTheReadmeSays() {
        var settings = ClientSettings.DEFAULTS;
        assertEquals(64, settings.maxEventKb());
        assertEquals(64 * 1024, settings.maxEventBytes());
        assertEquals(20, settings.eventsPerSecond());
        assertEquals(60, settings.socketTimeoutSeconds());
    }

    @Test
    void aValueThatIsNotPositiveNamesItsKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ClientSettings(0, null, null));
        assertEquals("clients.maxEventKb must be a positive whole number, not 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ClientSettings(null, -3, null));
        assertEquals("clients.eventsPerSecond must be a positive whole number, not -3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ClientSettings(null, null, 0));
        assertEquals("clients.socketTimeoutSeconds must be a positive whole number, not 0", e.getMessage());
    }
}
