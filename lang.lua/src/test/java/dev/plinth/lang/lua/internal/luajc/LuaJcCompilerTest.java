package dev.plinth.lang.lua.internal.luajc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuaJcCompilerTest {

    private static LuaScript script(ChunkCompiler compiler, String main) {
        return TestScripts.builder("test", ScriptFiles.of(Map.of("main.lua", main)), Limits.defaults()).withCompiler(compiler).build();
    }

    @Test
    void compiledChunkIsJvmBytecodeInItsOwnLoader() {
        var chunk = script(new LuaJcCompiler(), "return 1").load("main.lua");
        assertFalse(chunk.isclosure());
        assertEquals("lua:test", chunk.getClass().getClassLoader().getName());
    }

    @Test
    void chunkThatCannotBeCompiledFallsBackToTheInterpreter() {
        List<String> fallbacks = new ArrayList<>();
        ChunkCompiler failing = (resource, file, prototype, environment) -> {
            throw new IllegalStateException("unsupported");
        };
        var compiler = failing.orElse(ChunkCompiler.INTERPRETER,
                (resource, file, cause) -> fallbacks.add(resource + "/" + file + ": " + cause.getMessage()));
        var script = script(compiler, "return 6 * 7");
        assertEquals(42, script.run("main.lua").arg1().toint());
        assertEquals(List.of("test/main.lua: unsupported"), fallbacks);
    }

    /** The same programs, interpreted and compiled, give the same results. */
    @ParameterizedTest
    @ValueSource(strings = {
        "local t = {} for i = 1, 10 do t[i] = function() return i end end return t[3]() + t[7]()",
        "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(20)",
        "local s = '' for w in ('a b c'):gmatch('%a') do s = s .. w:upper() end return s",
        "local function va(...) local n = select('#', ...) return n, ... end return select(2, va(4, 5, 6))",
        "local t = setmetatable({}, {__index = function(_, k) return k * 2 end}) return t[21]",
        "local n = 0 repeat n = n + 1 until n >= 5 return n",
        "local x = 0 while x < 100 do x = x + 3 if x > 50 then break end end return x",
        "local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) return co() + co() + co()",
        "local ok, err = pcall(error, {code = 7}) return err.code",
        "local a, b = 1, 2 a, b = b, a return a * 10 + b",
        "local function counter() local c = 0 return function() c = c + 1 return c end end "
                + "local f = counter() f() f() return f()",
        "return #table.concat({1, 2, 3}, '-') .. string.format('%5.2f', math.pi)",
    })
    void compiledCodeBehavesLikeInterpretedCode(String program) {
        String interpreted = script(ChunkCompiler.INTERPRETER, program).run("main.lua").tojstring();
        String compiled = script(new LuaJcCompiler(), program).run("main.lua").tojstring();
        assertEquals(interpreted, compiled);
        assertTrue(!interpreted.isEmpty());
    }
}
