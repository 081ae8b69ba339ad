package dev.plinth.core.runtime.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.config.ConfigParseException;
import dev.plinth.core.runtime.internal.config.ConfigFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

/** The {@code game} object of {@code conf/server.json}: the game rules and the version of the game. */
class GameSettingsTest {

    @TempDir
    Path home;

    private ServerConfig read(String json) throws IOException {
        Path file = Files.writeString(home.resolve("server.json"), json);
        return new ConfigFiles().read(file, ServerConfig.class, true).orElseThrow();
    }

    @Test
    void theSimulatedServerRunsBedrock1_21_50ByDefault() throws IOException {
        assertEquals(new Version(1, 21, 50), ServerConfig.DEFAULTS.game().version());
        assertEquals(new Version(1, 21, 50), read("{\"game\": {\"keepInventory\": true}}").game().version());
    }

    @Test
    void theGameVersionIsReadFromGameVersion() throws IOException {
        ServerConfig config = read("{\"game\": {\"version\": \"1.20.80\", \"startPaused\": true}}");

        assertEquals(new Version(1, 20, 80), config.game().version());
        assertTrue(config.game().startPaused());
    }

    @Test
    void aMalformedGameVersionIsReportedWithItsLine() {
        var refused = assertThrows(ConfigParseException.class,
                () -> read("{\n  \"game\": {\n    \"version\": \"one.twenty\"\n  }\n}"));

        assertTrue(refused.getMessage().contains(":3:"), refused.getMessage());
    }

    @Test
    void aMismatchedBracketNamesTheFileAndLinesNotJacksonsSource() {
        var refused = assertThrows(ConfigParseException.class,
                () -> read("{\n  \"game\": {\n    \"keepInventory\": true\n  ]\n}"));

        assertEquals(home.resolve("server.json") + ":4:3: Unexpected close marker ']': expected '}' (for Object "
                + "starting at line 2)", refused.getMessage());
    }
}
