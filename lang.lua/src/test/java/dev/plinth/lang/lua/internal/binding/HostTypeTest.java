package dev.plinth.lang.lua.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.engine.TestScripts.Mode;
import dev.plinth.lang.lua.internal.limits.Limits;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luaj.vm2.LuaValue;

class HostTypeTest {

    /** A host object: its Java side must stay out of reach. */
    static final class Secret {
        String name = "steve";
    }

    private static final HostType<Secret> TYPE = HostType.builder("secret", Secret.class)
            .method("name", secret -> LuaValue.valueOf(secret.name))
            .method("rename", (secret, name) -> {
                secret.name = name.checkjstring();
                return LuaValue.NONE;
            })
            .build();

    private static String eval(Mode mode, String code) {
        LuaScript script = TestScripts.builder("test", ScriptFiles.of(Map.of("main.lua", code)), Limits.defaults())
                .withCompiler(mode.compiler()).build();
        script.globals().rawset("obj", TYPE.wrap(new Secret()));
        script.globals().rawset("other", TYPE.wrap(new Secret()));
        return script.run("main.lua").arg1().tojstring();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void methodsWork(Mode mode) {
        assertEquals("alex", eval(mode, "obj:rename('alex'); return obj:name()"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hostObjectsLeadNowhere(Mode mode) {
        assertEquals("false", eval(mode, "return tostring(getmetatable(obj))"));
        assertEquals("false", eval(mode, "return tostring(pcall(rawget, obj, 'name'))"));
        assertEquals("false", eval(mode, "return tostring(pcall(setmetatable, obj, {}))"));
        assertEquals("false", eval(mode, "return tostring(pcall(function() obj.name = 'x' end))"));
        assertEquals("nil", eval(mode, "return tostring(obj.getClass)"));
        assertEquals("nil", eval(mode, "return tostring(obj.class)"));
        assertEquals("userdata", eval(mode, "return type(obj)"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void methodCalledWithADotNamesTheMistake(Mode mode) {
        String message = eval(mode, "local ok, err = pcall(obj.name, 'x') return err");
        assertEquals(true, message.contains("secret expected, got string (call methods with ':'"), message);
    }
}
