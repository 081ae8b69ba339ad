package dev.plinth.lang.lua.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptRuntimeException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import java.util.Map;
import org.luaj.vm2.LuaValue;

/**
 * What a resource's owner reads when a one-file resource ({@code main.lua}, resource {@code test}) runs: the failure
 * of the chunk or of its {@code handler}, or what the chunk returns. Confined to the test's thread.
 */
final class ScriptOutcomes {

    private final TestScripts scripts = new TestScripts();

    /**
     * The failure of running the chunk.
     *
     * @param mode how it runs
     * @param main the chunk's source
     * @return {@code test: main.lua:2: ...}
     */
    String failure(Mode mode, String main) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", main));
        return assertThrows(ScriptRuntimeException.class, () -> script.run("main.lua")).getMessage();
    }

    /**
     * The failure of calling the global {@code handler} the chunk defines, as the host calls it.
     *
     * @param mode how it runs
     * @param main the chunk's source
     * @return {@code test: main.lua:3: ...}
     */
    String handlerFailure(Mode mode, String main) {
        LuaScript script = scripts.script(mode, Map.of("main.lua", main));
        script.run("main.lua");
        return assertThrows(ScriptRuntimeException.class,
                () -> script.call(Budget.CALL, script.globals().get("handler"), LuaValue.NONE)).getMessage();
    }

    /**
     * The first value the chunk returns, as a string.
     *
     * @param mode how it runs
     * @param main the chunk's source
     * @return the value
     */
    String returned(Mode mode, String main) {
        return scripts.script(mode, Map.of("main.lua", main)).run("main.lua").arg1().tojstring();
    }
}
