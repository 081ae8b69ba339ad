package dev.plinth.core.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.config.ConfigException;
import dev.plinth.core.runtime.config.ConfigParseException;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.internal.settings.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-resource config files: JSON and TOML, atomic writes, errors with file, line and column. */
class ConfigStoreTest {

    /** A resource's settings, as a plugin would declare them. */
    public record Greeting(String message, int repeat, List<String> words) {}

    @TempDir
    Path home;

    private BundleConfigStore store(String resource) {
        return new BundleConfigStore(new Owner(resource),
                new ServerSettings(Optional.of(home), ServerConfig.DEFAULTS), new ConfigFiles());
    }

    @Test
    void theDataFolderIsTheResourcesOwnUnderData() {
        assertEquals(home.resolve("data/hello"), store("hello").folder());
        assertTrue(Files.isDirectory(home.resolve("data/hello")));
    }

    @Test
    void aRecordRoundTripsThroughJsonAndToml() {
        var store = store("hello");
        var greeting = new Greeting("Welcome", 2, List.of("a", "b"));
        for (String file : List.of("config.json", "config.toml")) {
            store.save(file, greeting);
            assertEquals(Optional.of(greeting), store.load(file, Greeting.class));
        }
    }

    @Test
    void aMissingFileIsEmptyOrGetsTheDefaultsWritten() throws Exception {
        var store = store("hello");
        assertTrue(store.load("config.toml", Greeting.class).isEmpty());
        var defaults = new Greeting("Hi", 1, List.of());
        assertEquals(defaults, store.loadOrCreate("config.toml", Greeting.class, defaults));
        assertTrue(Files.readString(home.resolve("data/hello/config.toml")).contains("message = 'Hi'")
                || Files.readString(home.resolve("data/hello/config.toml")).contains("message = \"Hi\""));
    }

    @Test
    void plainValuesAreReadForScripts() throws Exception {
        var store = store("hello");
        Files.writeString(store.folder().resolve("values.toml"), "name = \"x\"\n[limits]\nmax = 3\n");
        assertEquals(Optional.of(Map.of("name", "x", "limits", Map.of("max", 3))), store.loadValues("values.toml"));
    }

    @Test
    void aMalformedJsonFileNamesItsLineAndColumn() throws Exception {
        var store = store("hello");
        Path file = store.folder().resolve("config.json");
        Files.writeString(file, "{\n  \"message\": \"Hi\",\n  \"repeat\": oops\n}");

        var e = assertThrows(ConfigParseException.class, () -> store.load("config.json", Greeting.class));

        assertEquals(file, e.file());
        assertEquals(3, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().startsWith(file + ":3:13: "), e.getMessage());
    }

    @Test
    void anUnclosedObjectNamesWhereItBeganByLineNotByJacksonsSource() throws Exception {
        var store = store("hello");
        Path file = store.folder().resolve("config.json");
        Files.writeString(file, "{\n  \"message\": \"Hi\",\n  \"repeat\": 2\n");

        var e = assertThrows(ConfigParseException.class, () -> store.load("config.json", Greeting.class));

        assertEquals(file + ":4:1: Unexpected end-of-input: expected close marker for Object (start marker at line 1)",
                e.getMessage());
    }

    @Test
    void aMalformedTomlFileNamesItsLine() throws Exception {
        var store = store("hello");
        Files.writeString(store.folder().resolve("config.toml"), "message = \"Hi\"\nrepeat = = 2\n");
        var e = assertThrows(ConfigParseException.class, () -> store.load("config.toml", Greeting.class));
        assertEquals(2, e.line());
    }

    @Test
    void aFileThatDoesNotFitTheTypeNamesTheProperty() throws Exception {
        var store = store("hello");
        Files.writeString(store.folder().resolve("config.json"), "{\"message\": \"Hi\", \"colour\": 1}");
        var e = assertThrows(ConfigParseException.class, () -> store.load("config.json", Greeting.class));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void aFailedWriteLeavesTheOldFileWhole() throws Exception {
        var store = store("hello");
        store.save("config.json", new Greeting("old", 1, List.of()));
        String before = Files.readString(home.resolve("data/hello/config.json"));

        assertThrows(ConfigException.class, () -> store.save("config.json", new Object() {
            @SuppressWarnings("unused")
            public String getBroken() {
                throw new IllegalStateException("cannot serialize");
            }
        }));

        assertEquals(before, Files.readString(home.resolve("data/hello/config.json")));
        try (var files = Files.list(home.resolve("data/hello"))) {
            assertEquals(List.of("config.json"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void onlyPlainJsonOrTomlNamesAreAccepted() {
        var store = store("hello");
        for (String bad : List.of("../other/config.json", "config.yaml", "sub/config.json", ".json")) {
            var e = assertThrows(ConfigException.class, () -> store.load(bad, Map.class), bad);
            assertTrue(e.getMessage().startsWith("ERR_INVALID_NAME: resource 'hello'"), e.getMessage());
        }
    }
}
