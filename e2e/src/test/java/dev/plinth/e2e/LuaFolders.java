package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Lua resources written into a test home's {@code resources/} as a server owner writes them, and their states. */
final class LuaFolders {

    private LuaFolders() {}

    /**
     * Writes a Lua resource of version 1.0.0: a {@code plugin.toml} naming {@code main.lua}, and {@code main.lua}.
     *
     * @param home the instance home
     * @param name the resource name, also its folder
     * @param manifestTail more of {@code plugin.toml} after the {@code [plugin]} table ({@code [permissions] ...})
     * @param main the script
     */
    static void write(Path home, String name, String manifestTail, String main) throws IOException {
        Path folder = Files.createDirectories(home.resolve("resources").resolve(name));
        Files.writeString(folder.resolve("plugin.toml"),
                "[plugin]\nname = \"" + name + "\"\nversion = \"1.0.0\"\nmain = \"main.lua\"\n" + manifestTail);
        Files.writeString(folder.resolve("main.lua"), main);
    }

    /**
     * Asserts that {@code resource:list} showed a Lua plugin of version 1.0.0 in a state.
     *
     * @param out what the instance printed
     * @param name the resource
     * @param state the state it must show
     */
    static void assertState(String out, String name, String state) {
        assertTrue(out.matches("(?s).*\n" + Pattern.quote(name) + "\\s+plugin\\s+lua\\s+1\\.0\\.0\\s+" + state + "\\s.*"),
                name + " is " + state + ":\n" + out);
    }
}
