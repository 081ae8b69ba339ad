package dev.plinth.core.sandbox.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.core.sandbox.internal.settings.SandboxConfig;
import dev.plinth.core.sandbox.internal.settings.SettingsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxConfigTest {

    private static SandboxConfig parse(String json) throws IOException {
        return SandboxConfig.parse(new ObjectMapper().readTree(json), "server.json");
    }

    @Test
    void missingKeysKeepTheirDefaults() throws IOException {
        assertEquals(SandboxLimits.DEFAULTS, parse("{\"name\": \"x\"}").defaults());
        var config = parse("{\"sandbox\": {\"call_timeout_ms\": 250, \"max_memory_mb\": 8, \"max_tasks\": 10}}");
        assertEquals(Duration.ofMillis(250), config.defaults().callTimeout());
        assertEquals(8 * SandboxLimits.MIB, config.defaults().maxRetainedBytes());
        assertEquals(10, config.defaults().maxTasks());
        assertEquals(SandboxLimits.DEFAULTS.maxCallAllocBytes(), config.defaults().maxCallAllocBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"lots\"", "1.5", "99999999999999999999"})
    void badValuesNameTheFileAndKey(String value) {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"sandbox\": {\"max_offences\": " + value + "}}"));
        assertTrue(refused.getMessage().startsWith("server.json: sandbox.max_offences must be a whole number from 1 "),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -9223372036854775807L})
    void aManifestLimitThatIsNoneIsRefusedNamingResourceFileAndField(long value) {
        var refused = assertThrows(InvalidLimitsException.class, () -> SandboxConfig.DEFAULTS.resolve("hog",
                "plugin.toml", new DeclaredLimits(OptionalLong.of(value), OptionalLong.empty())));
        assertEquals("hog: plugin.toml, field 'resources.max_memory_mb': " + value + " is not a limit; use a whole "
                + "number of at least 1", refused.getMessage());
        assertThrows(InvalidLimitsException.class, () -> SandboxConfig.DEFAULTS.resolve("hog", "plugin.toml",
                new DeclaredLimits(OptionalLong.empty(), OptionalLong.of(value))));
    }

    @Test
    void whatAManifestAsksForIsCappedByTheServer() {
        var resolved = SandboxConfig.DEFAULTS.resolve("hog", "plugin.toml",
                new DeclaredLimits(OptionalLong.of(100_000), OptionalLong.of(Long.MAX_VALUE)));
        assertEquals(256 * SandboxLimits.MIB, resolved.limits().maxRetainedBytes());
        assertEquals(SandboxLimits.DEFAULTS.maxCallAllocBytes(), resolved.limits().maxCallAllocBytes(),
                "max_memory_mb never raises what one call may allocate");
        assertEquals(OptionalLong.of(100_000_000), resolved.workPerTick());
        assertEquals(List.of("hog: plugin.toml, field 'resources.max_memory_mb' asks for 100000; the server allows at "
                        + "most 256 (sandbox.max_memory_mb_cap in conf/server.json)",
                "hog: plugin.toml, field 'resources.max_fuel_per_tick' asks for 9223372036854775807; the server "
                        + "allows at most 100000000 (sandbox.max_fuel_per_tick_cap in conf/server.json)"),
                resolved.notes());
    }

    @Test
    void aReasonableRequestIsGrantedAsAsked() {
        var resolved = SandboxConfig.DEFAULTS.resolve("small", "plugin.toml",
                new DeclaredLimits(OptionalLong.of(4), OptionalLong.of(5000)));
        assertEquals(4 * SandboxLimits.MIB, resolved.limits().maxRetainedBytes());
        assertEquals(OptionalLong.of(5000), resolved.workPerTick());
        assertEquals(List.of(), resolved.notes());
    }

    @Test
    void theServiceReadsTheFileAgainWhenItChanges(@TempDir Path home) throws IOException {
        Path file = home.resolve("server.json");
        var errors = new ArrayList<String>();
        var settings = new SettingsService(Optional.of(file), errors::add);
        assertEquals(SandboxLimits.DEFAULTS, settings.defaults(), "no file: the defaults");
        Files.writeString(file, "{\"sandbox\": {\"max_tasks\": 7}, \"lua\": {\"compiler\": \"interpreter\"}}");
        assertEquals(7, settings.defaults().maxTasks());
        assertEquals("interpreter", settings.section("lua").path("compiler").asText());
        Files.writeString(file, "{\"sandbox\": {\"max_tasks\": 0}}");
        assertEquals(SandboxLimits.DEFAULTS, settings.defaults(), "a bad file: the defaults");
        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().contains("sandbox.max_tasks"), errors.getFirst());
    }

    @Test
    void aMismatchedBracketNamesTheFileAndLinesNotJacksonsSource(@TempDir Path home) throws IOException {
        Path file = Files.writeString(home.resolve("server.json"), "{\n  \"sandbox\": {\"max_tasks\": 7]\n}");
        var errors = new ArrayList<String>();

        assertEquals(SandboxLimits.DEFAULTS, new SettingsService(Optional.of(file), errors::add).defaults());
        assertEquals(List.of(file + " line 2: Unexpected close marker ']': expected '}' (for Object starting at "
                + "line 2); the sandbox uses its defaults"), errors);
    }
}
