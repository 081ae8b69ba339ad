package dev.plinth.lang.lua.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.sandbox.limits.ResolvedLimits;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostSettingsTest {

    private static HostSettings parse(String json) throws Exception {
        return HostSettings.parse(new ObjectMapper().readTree(json).path("lua"), SandboxLimits.DEFAULTS, "server.json");
    }

    @Test
    void missingKeysKeepTheirDefaults() throws Exception {
        assertEquals(HostSettings.DEFAULTS, parse("{\"name\": \"x\"}"));
        var settings = parse("{\"lua\": {\"compiler\": \"interpreter\", \"max_coroutines\": 4}}");
        assertFalse(settings.compiled());
        assertEquals(4, settings.limits().maxCoroutines());
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
    void resolvedManifestLimitsOverrideTheDefaults() {
        var resolved = new ResolvedLimits(SandboxLimits.DEFAULTS.withMaxRetainedBytes(4 * Limits.MIB),
                OptionalLong.of(5000), List.of());
        var limits = HostSettings.DEFAULTS.limitsFor(resolved);
        assertEquals(4 * Limits.MIB, limits.sandbox().maxRetainedBytes());
        assertEquals(5000, limits.instructionsPerTick());
    }
}
