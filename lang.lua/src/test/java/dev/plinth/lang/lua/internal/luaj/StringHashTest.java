package dev.plinth.lang.lua.internal.luaj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.core.sandbox.limits.SandboxLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * LuaJ's own string hash reads one byte in 33 of a 1 KB string: 20,000 keys that differ only in the bytes it skips all
 * collide, and every table operation on them walks one chain. The hash the host puts in its place reads every byte.
 */
class StringHashTest {

    /** 1 KB keys that differ only in bytes 2 to 4, which LuaJ's hash skips for this length. */
    private static LuaString key(int i) {
        byte[] bytes = new byte[1024];
        Arrays.fill(bytes, (byte) 'a');
        bytes[1] = (byte) ('a' + i % 26);
        bytes[2] = (byte) ('a' + i / 26 % 26);
        bytes[3] = (byte) ('a' + i / 676 % 26);
        return LuaString.valueUsing(bytes);
    }

    @Test
    void keysDifferingInBytesLuaJSkippedHashApart() {
        Set<Integer> hashes = new HashSet<>();
        Set<LuaString> keys = new HashSet<>();
        for (int i = 0; i < 17_576; i++) {
            LuaString key = key(i);
            keys.add(key);
            hashes.add(key.hashCode());
        }
        assertEquals(17_576, keys.size());
        assertTrue(hashes.size() > 17_500, hashes.size() + " distinct hashes for 17,576 keys");
    }

    @Test
    void equalStringsHashAlike() {
        assertEquals(LuaString.valueOf("player_join").hashCode(), LuaValue.valueOf("player" + "_join").hashCode());
        assertEquals(key(5).hashCode(), key(5).hashCode());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aTableOfSuchKeysFills(Mode mode) {
        LuaScript script = new TestScripts().script(mode, Map.of("main.lua", """
                local base = string.rep('a', 1024)
                function fill()
                  local t, n = {}, 0
                  for a = 97, 122 do for b = 97, 122 do for c = 97, 126 do
                    t[base:sub(1, 1) .. string.char(a, b, c) .. base:sub(5)] = true
                    n = n + 1
                  end end end
                  return n
                end
                """), Limits.defaults().withMaxCallAllocMb(1024).withInstructionsPerCall(1_000_000_000L)
                .withInstructionsPerTick(1_000_000_000L)
                .withSandbox(SandboxLimits.DEFAULTS.withMaxCallAllocBytes(1L << 30)
                        .withTimeouts(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1))), () -> 0);
        script.run("main.lua");
        assertEquals(20_280, script.call(Budget.CALL, script.globals().get("fill"), LuaValue.NONE).toint(1));
    }
}
