package dev.plinth.lang.lua.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.lang.lua.internal.engine.LuaSource;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.osgi.framework.Version;

/** LuaJC compiles each content once; a prepared content is what the start instantiates; bad code is refused early. */
class CompiledChunksTest {

    private final CompiledChunks chunks = new CompiledChunks(new LuaJcCompiler(), UnaryOperator.identity());

    private static byte[] source(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A file's content, as a start or a preparation reads it. */
    private static LuaSource lua(String file, String text) {
        return new LuaSource(file, source(text));
    }

    /** Keeps a file's content of resource r, as a preparation does. */
    private void keep(String file, String text) {
        LuaSource content = lua(file, text);
        chunks.keep("r", content, content.parse());
    }

    @Test
    void theSameContentIsCompiledOnceForEveryState() {
        var first = chunks.compile("r", "main.lua", lua("main.lua", "return 1").parse(), new LuaTable());
        var second = chunks.compile("r", "main.lua", lua("main.lua", "return 1").parse(), new LuaTable());
        var other = chunks.compile("r", "main.lua", lua("main.lua", "return 2").parse(), new LuaTable());

        assertNotSame(first, second, "each state gets its own function");
        assertSame(first.getClass(), second.getClass(), "compiled once");
        assertNotSame(first.getClass(), other.getClass());
    }

    @Test
    void onlyTheTwoLatestContentsOfAFileAreKept() {
        for (int i = 0; i < 10; i++) {
            keep("main.lua", "return " + i);
        }
        keep("lib/util.lua", "return {}");

        assertEquals(3, chunks.size());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndTheLine() {
        var error = assertThrows(LuaError.class, () -> lua("main.lua", "local x = 1\nlocal = 2").parse());

        assertTrue(error.getMessage().startsWith("main.lua:2: "), error.getMessage());
    }

    @Test
    void aPreparationRefusesAServerScriptThatDoesNotParseAndCompilesTheRest() {
        var preparation = new LuaPreparation(Optional.of(chunks));
        var files = new TreeMap<>(Map.of("main.lua", "return require('lib.util')", "lib/util.lua", "return {}",
                "lib/broken.lua", "return = 1"));

        preparation.prepare(descriptor("main.lua"), content(files));
        assertEquals(2, chunks.size(), "main.lua and lib/util.lua; lib/broken.lua waits for its require");

        files.put("main.lua", "if then");
        var refused = assertThrows(ResourceException.class, () -> preparation.prepare(descriptor("main.lua"), content(files)));
        assertEquals(ResourceErrorCode.ERR_SCRIPT_EXECUTION, refused.code());
        assertTrue(refused.detail().startsWith("chat: main.lua:1: "), refused.detail());

        var missing = assertThrows(ResourceException.class, () -> preparation.prepare(descriptor("gone.lua"), content(files)));
        assertEquals("chat: plugin.toml names gone.lua, which is not in the resource", missing.detail());
    }

    private static ResourceDescriptor descriptor(String main) {
        return new ResourceDescriptor("chat", ManifestFormat.PLUGIN_TOML, "plugin.toml", ResourceType.PLUGIN,
                Language.LUA, new Version(1, 0, 0), "", "", Optional.of(main), List.of(), List.of(), List.of(),
                List.of(), Map.of(), ResourceLimits.NONE, new FormatDetails.PluginToml(false));
    }

    private static ResourceContent content(Map<String, String> files) {
        return new ResourceContent() {
            @Override
            public List<String> paths() {
                return List.copyOf(files.keySet());
            }

            @Override
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(files.get(path)).map(CompiledChunksTest::source);
            }
        };
    }
}
