package dev.plinth.bedrock.packs.internal.script;

import dev.plinth.bedrock.packs.internal.host.PackScript;
import dev.plinth.bedrock.packs.internal.host.PackScriptException;
import dev.plinth.bedrock.packs.internal.host.PackScriptRunner;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.lang.js.JsModuleException;
import dev.plinth.lang.js.JsModuleHost;
import dev.plinth.lang.js.JsModuleRun;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs behavior packs' script modules on the JavaScript host, with {@code @minecraft/server}
 * ({@link MinecraftServerModule}). Present only while a JavaScript host is.
 *
 * <p>Thread-safe.
 */
@Component(service = PackScriptRunner.class)
public final class MinecraftScripts implements PackScriptRunner {

    private final JsModuleHost host;
    private final MinecraftServerModule module;

    /**
     * Creates the runner.
     *
     * @param host the JavaScript host
     * @param server the server, for {@code system.currentTick}
     */
    @Activate
    public MinecraftScripts(@Reference JsModuleHost host, @Reference Server server) {
        this.host = host;
        this.module = new MinecraftServerModule(server::tick);
    }

    @Override
    public PackScript run(Bundle bundle, String pack, String entry) {
        JsModuleRun run;
        try {
            run = host.run(bundle, pack, entry, Map.of(MinecraftServerModule.SPECIFIER, module));
        } catch (JsModuleException e) {
            throw new PackScriptException(e.getMessage(), e);
        }
        return new PackScript() {
            @Override
            public boolean running() {
                return !run.isClosed();
            }

            @Override
            public void close() {
                run.close();
            }
        };
    }
}
