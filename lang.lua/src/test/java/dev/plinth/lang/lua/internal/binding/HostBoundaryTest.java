package dev.plinth.lang.lua.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

/**
 * The boundary between a script and the host's Java code: host failures are Lua errors a script can catch, and a
 * host type in a permission group is refused to a resource without the grant, with a message naming it.
 */
class HostBoundaryTest {

    /** A world, as far as this test needs one. */
    static final class Land {
        int height = 4;
    }

    private static final HostType<Land> WORLD = HostType.builder("world", Land.class)
            .requires(Permission.WORLD)
            .method("height", land -> LuaValue.valueOf(land.height))
            .method("set_height", (land, height) -> {
                if (height.checkint() < 0) {
                    throw new IllegalArgumentException("a height must be at least 0, not " + height.checkint());
                }
                land.height = height.checkint();
                return LuaValue.NONE;
            })
            .build();

    private static String eval(Mode mode, Set<Permission> granted, String code) {
        LuaScript script = TestScripts.builder("test", ScriptFiles.of(Map.of("main.lua", code)), Limits.defaults())
                .withCompiler(mode.compiler()).withGrants(new Grants("test", granted)).build();
        script.globals().rawset("land", WORLD.wrap(new Land()));
        script.globals().rawset("fail", LuaFunctions.of(args -> {
            throw new IllegalStateException("the host refused: " + args.checkjstring(1));
        }));
        return script.run("main.lua").arg1().tojstring();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aHostErrorIsACatchableLuaError(Mode mode) {
        assertEquals("false a height must be at least 0, not -5",
                eval(mode, Grants.DEFAULT, "local ok, err = pcall(land.set_height, land, -5) return tostring(ok) .. ' ' .. err"));
        assertEquals("false the host refused: x",
                eval(mode, Grants.DEFAULT, "local ok, err = pcall(fail, 'x') return tostring(ok) .. ' ' .. err"));
        assertEquals("4", eval(mode, Grants.DEFAULT, "pcall(land.set_height, land, -5) return land:height()"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aTypeOfADeniedGroupIsRefusedNamingThePermission(Mode mode) {
        assertEquals("4", eval(mode, Set.of(Permission.WORLD), "return land:height()"));
        String denied = eval(mode, Set.of(Permission.PLAYER),
                "local ok, err = pcall(function() return land:height() end) return err");
        assertEquals(true, denied.endsWith("ERR_PERMISSION_DENIED: test: world:height needs the permission 'world', "
                + "which its manifest does not grant ([permissions] world = true)"), denied);
    }
}
