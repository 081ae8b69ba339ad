package dev.plinth.core.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void defaultsToPort30120OnTheLoopbackAddress() {
        assertEquals(30120, HttpSettings.DEFAULTS.port());
        assertEquals("127.0.0.1", HttpSettings.DEFAULTS.host());
        assertEquals("http://127.0.0.1:30120", HttpSettings.DEFAULTS.url());
    }

    @Test
    void portZeroTurnsTheServerOffForFelixHttp() {
        var off = HttpServerConfigurer.properties(new HttpSettings(0, null));
        assertEquals(false, off.get("org.apache.felix.http.enable"));
        var on = HttpServerConfigurer.properties(new HttpSettings(8080, "0.0.0.0"));
        assertEquals(true, on.get("org.apache.felix.http.enable"));
        assertEquals(8080, on.get("org.osgi.service.http.port"));
        assertEquals("0.0.0.0", on.get("org.apache.felix.http.host"));
    }

    @Test
    void refusesPortsAndHostsThatCannotBeBound() {
        assertThrows(IllegalArgumentException.class, () -> new HttpSettings(70000, null));
        assertThrows(IllegalArgumentException.class, () -> new HttpSettings(-1, null));
        assertThrows(IllegalArgumentException.class, () -> new HttpSettings(null, " "));
    }

    @Test
    void anIpv6HostIsBracketedInTheUrl() {
        assertEquals("http://[::1]:9000", new HttpSettings(9000, "::1").url());
    }
}
