package dev.plinth.lang.lua.internal.mc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.memory.RetainedWalker;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Host objects a script keeps count what the script gave them: forms being built their texts, however many, as the
 * strings would count in a table.
 */
class KeptHostObjectsTest {

    private static final long MB = 1024 * 1024;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void formsKeptWithLargeTextsCountTheirTexts(Mode mode) {
        LuaScript script = McScripts.script(mode, """
                kept = {}
                for i = 1, 4 do
                  kept[#kept + 1] = mc.form.simple(string.rep('t', 1024 * 1024), string.rep('c', 1024 * 1024))
                    :button(string.rep('b', 1024 * 1024))
                  kept[#kept + 1] = mc.form.custom('x'):dropdown('d', {string.rep('o', 1024 * 1024)})
                end
                """);
        script.run("main.lua");
        var walker = new RetainedWalker(List.of(script.globals()), 50_000_000, new ConcurrentHashMap<>());
        while (!walker.step(1000)) {
            // one step at a time, as the host walks it
        }
        assertTrue(walker.bytes() >= 16 * MB, walker.bytes() + " bytes");
    }
}
