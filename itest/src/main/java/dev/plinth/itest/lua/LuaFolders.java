package dev.plinth.itest.lua;

import dev.plinth.itest.resource.ResourceHome;
import java.io.IOException;
import java.util.Map;

/**
 * Lua resources written into the test home's {@code resources/} as a server owner writes them: a
 * {@code plugin.toml} naming {@code main.lua}, and {@code main.lua}.
 */
public final class LuaFolders {

    private LuaFolders() {}

    /**
     * Writes a Lua resource of version 1.0.0 and waits until it is deployed.
     *
     * @param home the test home
     * @param name the resource name, also its folder
     * @param main the script
     * @throws IOException when it cannot be written
     */
    public static void deploy(ResourceHome home, String name, String main) throws IOException {
        deploy(home, name, "1.0.0", "", main);
    }

    /**
     * Writes (or rewrites) a Lua resource and waits until it is listed.
     *
     * @param home the test home
     * @param name the resource name, also its folder
     * @param version its version
     * @param manifestTail more of {@code plugin.toml}, after the {@code [plugin]} table ({@code [resources] ...})
     * @param main the script
     * @throws IOException when it cannot be written
     */
    public static void deploy(ResourceHome home, String name, String version, String manifestTail, String main)
            throws IOException {
        home.folder(name, Map.of(
                "plugin.toml", "[plugin]\nname = \"" + name + "\"\nversion = \"" + version + "\"\nmain = \"main.lua\"\n"
                        + manifestTail,
                "main.lua", main));
        home.awaitListed(name);
    }

    /**
     * Rewrites the script of a deployed Lua resource, as an editor saves it.
     *
     * @param home the test home
     * @param name the resource
     * @param main the new script
     * @throws IOException when it cannot be written
     */
    public static void rewrite(ResourceHome home, String name, String main) throws IOException {
        home.folder(name, Map.of("main.lua", main));
    }
}
