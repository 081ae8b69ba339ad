package dev.plinth.lang.lua.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostSettingsTest {

    private static HostSettings parse(String json) throws Exception {
        return HostSettings.parse(new ObjectMapper().readTree(json).path("lua"), "server.json");
    }

    @Test
    void missingKeysKeepTheirDefaults() throws Exception {
        assertEquals(HostSettings.DEFAULTS, parse("{\"name\": \"x\"}"));
        var settings = parse("{\"lua\": {\"compiler\": \"interpreter\", \"max_memory_mb\": 32}}");
        assertFalse(settings.compiled());
        assertEquals(32 * Limits.MIB, settings.limits().maxMemoryBytes());
        assertEquals(Limits.defaults().instructionsPerCall(), settings.limits().instructionsPerCall());
    }

    @Test
    void badValuesNameTheFileAndKey() {
        var thrown = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"lua\": {\"instructions_per_call\": \"lots\"}}"));
        assertEquals("server.json: lua.instructions_per_call must be a positive whole number, not \"lots\"",
                thrown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("{\"lua\": {\"compiler\": \"jit\"}}"));
    }

    @Test
    void manifestLimitsOverrideTheDefaults() {
        var limits = HostSettings.DEFAULTS.limitsFor(new ResourceLimits(OptionalLong.of(4), OptionalLong.of(5000)));
        assertEquals(4 * Limits.MIB, limits.maxMemoryBytes());
        assertEquals(5000, limits.instructionsPerTick());
    }
}
