package dev.plinth.core.resource.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.internal.reload.DevMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hot reload keys of conf/server.json, and development mode built on them. */
class HotReloadSettingsTest {

    @TempDir
    Path conf;

    private final List<String> problems = new ArrayList<>();

    private ResourceSettings read(String json) throws IOException {
        Path file = conf.resolve("server.json");
        Files.writeString(file, json);
        return new SettingsFile(Optional.of(file), problems::add).current();
    }

    @Test
    void theDefaultsWatchNothingAndHandOverAMebibyte() throws IOException {
        ResourceSettings settings = read("{}");

        assertFalse(settings.devResources().includes("chat"));
        assertEquals(1024 * 1024, settings.maxStateBytes());
        assertEquals(Duration.ofMillis(50), settings.debounce());
    }

    @Test
    void devResourcesIsAListOrAStar() throws IOException {
        assertTrue(read("{\"DevResources\": [\"chat\", \"hud\"]}").devResources().includes("hud"));
        assertFalse(read("{\"DevResources\": [\"chat\"]}").devResources().includes("hud"));
        assertTrue(read("{\"DevResources\": \"*\"}").devResources().includes("anything"));
        assertEquals(List.of(), problems);
    }

    @Test
    void aDevResourcesOfAnotherShapeIsReportedWithItsLine() throws IOException {
        read("{\n  \"DevResources\": 3\n}");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("line 2"), problems.getFirst());
        assertTrue(problems.getFirst().contains("DevResources is a list of resource names, or \"*\""), problems.getFirst());
    }

    @Test
    void aMismatchedBracketIsReportedWithTheFileAndLinesNotJacksonsSource() throws IOException {
        read("{\n  \"DevResources\": [\"chat\", \"hud\"}\n}");

        assertEquals(List.of(conf.resolve("server.json") + " line 2 column 33: Unexpected close marker '}': "
                + "expected ']' (for Array starting at line 2); keeping the previous resource settings"), problems);
    }

    @Test
    void limitsOutsideTheirRangeTakeTheirDefaultOrTheirCeiling() throws IOException {
        ResourceSettings settings = read("{\"HotReloadMaxStateKb\": 0, \"HotReloadDebounceMs\": 999999}");

        assertEquals(1024 * 1024, settings.maxStateBytes());
        assertEquals(Duration.ofSeconds(10), settings.debounce());
        assertEquals(2048, read("{\"HotReloadMaxStateKb\": 2}").maxStateBytes());
    }

    @Test
    void watchAndUnwatchOverrideTheSettingsAndResourceHotReloadWatchesEveryResource() throws IOException {
        var settings = new ResourceSettings[] {read("{\"DevResources\": [\"chat\"]}")};
        var mode = new DevMode(() -> settings[0]);

        assertEquals(Optional.of("DevResources"), mode.reason("chat"));
        assertTrue(mode.set("chat", false));
        assertFalse(mode.watched("chat"));
        assertFalse(mode.set("hud", true));
        assertEquals(Optional.of("resource:watch"), mode.reason("hud"));
        mode.forget("chat");
        assertTrue(mode.watched("chat"), "its folder went: the settings speak again");

        settings[0] = read("{\"ResourceHotReload\": true}");
        assertTrue(mode.watched("anything"));
        assertEquals(Optional.of("ResourceHotReload"), mode.reason("anything"));
    }
}
