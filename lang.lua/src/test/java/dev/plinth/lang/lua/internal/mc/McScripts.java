package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.osgi.framework.Bundle;

/**
 * Lua states of a resource {@code test} with the {@code mc} API installed and a player {@code steve} in the global of
 * that name, neither of which answers more than its name: for what the API does before it reaches the server.
 */
final class McScripts {

    private static final Player STEVE = nameOnly(Player.class, "steve");
    private static final Bundle BUNDLE = nameOnly(Bundle.class, "test");

    private McScripts() {}

    /**
     * A state whose {@code main.lua} is given, not run yet.
     *
     * @param mode how it runs
     * @param main the source of {@code main.lua}
     * @return the state
     */
    static LuaScript script(Mode mode, String main) {
        LuaScript script = TestScripts.builder("test", ScriptFiles.of(Map.of("main.lua", main)),
                Limits.defaults().withMaxCallAllocMb(1024)).withCompiler(mode.compiler()).build();
        McLibrary.install(new ResourceContext("test", BUNDLE, script, ScriptLog.to(line -> { })));
        LuaFunctions.name(script.globals());
        script.globals().rawset("steve", PlayerType.wrap(STEVE));
        return script;
    }

    private static <T> T nameOnly(Class<T> type, String name) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name", "getSymbolicName", "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }
}
