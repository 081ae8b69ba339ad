package dev.plinth.lang.lua.internal.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.resource.reload.ResourceContent;
import dev.plinth.lang.lua.internal.engine.ScriptFiles;
import dev.plinth.lang.lua.internal.engine.ScriptLoadException;
import dev.plinth.lang.lua.internal.engine.ScriptRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/**
 * A start after a reload's preparation, as the host makes it (the kept chunks as its prepared chunks, LuaJC through
 * them as its compiler, the interpreter where LuaJC fails): a file whose content was prepared is run without being
 * parsed, its {@code require}d modules too; a file changed since is parsed and runs as it is now, and what fails is
 * reported as at any start.
 */
class PreparedStartTest {

    private static final String HUGE = "lib/huge.lua";

    /** The resource chat's files, as the next start reads them. */
    private final Map<String, String> files = new TreeMap<>();
    private final PreparedStarts starts = new PreparedStarts(Set.of(HUGE));

    @Test
    void aPreparedStartParsesNothingItsRequiredModulesIncluded() {
        files.put("main.lua", "local util = require('lib.util')\nprint(util.greet('world'))");
        files.put("lib/util.lua", "return { greet = function(name) return 'hello ' .. name end }");
        prepare();
        assertEquals(List.of("main.lua", "lib/util.lua"), starts.compilations, "compiled before the start");

        start();

        assertEquals(List.of("hello world"), starts.printed);
        assertEquals(List.of(), starts.parsed, "no file parsed at the start");
        assertEquals(List.of("main.lua", "lib/util.lua"), starts.compilations, "nothing compiled at the start");
        assertEquals(List.of(), starts.interpreted, "LuaJC's classes run");
    }

    @Test
    void aFileChangedAfterItsPreparationIsParsedAndRunsItsNewContent() {
        files.put("main.lua", "local util = require('lib.util')\nprint(util.greet('world'))");
        files.put("lib/util.lua", "return { greet = function(name) return 'hello ' .. name end }");
        prepare();
        files.put("lib/util.lua", "return { greet = function(name) return 'hi ' .. name end }");

        start();

        assertEquals(List.of("hi world"), starts.printed, "the new content runs");
        assertEquals(List.of("lib/util.lua"), starts.parsed, "only the changed module parsed");
        assertEquals(List.of("main.lua", "lib/util.lua", "lib/util.lua"), starts.compilations,
                "its new content compiled");
    }

    @Test
    void aSyntaxErrorOfAFileChangedAfterItsPreparationNamesTheResourceTheFileAndTheLine() {
        files.put("main.lua", "print('fine')");
        prepare();
        files.put("main.lua", "local x = 1\nlocal = 2");

        var failed = assertThrows(ScriptLoadException.class, this::start);

        assertEquals("main.lua", failed.failure().file());
        assertEquals(2, failed.failure().line());
        assertTrue(failed.getMessage().startsWith("chat: main.lua:2: "), failed.getMessage());
        assertEquals(List.of(), starts.printed);
    }

    @Test
    void aRuntimeErrorOfAPreparedModuleNamesTheResourceTheFileAndTheLineOfTheContentThatRuns() {
        files.put("main.lua", "local util = require('lib.util')\nutil.greet({})");
        files.put("lib/util.lua", "local M = {}\nfunction M.greet(who)\n  return who.name.first\nend\nreturn M");
        prepare();
        files.put("lib/util.lua", "local M = {}\n\n-- moved down\nfunction M.greet(who)\n  return who.name.first\nend\n"
                + "return M");
        prepare();

        var failed = assertThrows(ScriptRuntimeException.class, this::start);

        assertEquals(List.of(), starts.parsed, "the second preparation's content runs, unparsed");
        assertEquals("chat", failed.failure().resource());
        assertEquals("lib/util.lua", failed.failure().file());
        assertEquals(5, failed.failure().line(), "the line of the content that runs, not of the first one prepared");
        assertTrue(failed.getMessage().startsWith("chat: lib/util.lua:5: "), failed.getMessage());
    }

    @Test
    void aRollbackStartsThePreviousContentAgainWithoutParsingIt() {
        files.put("main.lua", "print('one')");
        prepare();
        start();
        files.put("main.lua", "print('two')");
        prepare();
        start();
        files.put("main.lua", "print('one')"); // the new version failed: its previous content starts again

        start();

        assertEquals(List.of("one", "two", "one"), starts.printed);
        assertEquals(List.of(), starts.parsed);
        assertEquals(List.of("main.lua", "main.lua"), starts.compilations, "each content compiled once, both kept");
    }

    @Test
    void aModuleLuaJcCannotCompileIsParsedAtTheStartAndRunsInterpreted() {
        files.put("main.lua", "print(require('lib.huge'))");
        files.put(HUGE, "return 'interpreted'");
        prepare();
        assertEquals(List.of("main.lua"), starts.compilations, "the module is not kept");

        start();

        assertEquals(List.of("interpreted"), starts.printed);
        assertEquals(List.of(HUGE), starts.parsed);
        assertEquals(List.of(HUGE), starts.interpreted);
    }

    /** A reload's preparation of chat, whose plugin.toml names main.lua, with {@link #files} as its next content. */
    private void prepare() {
        var next = new ResourceDescriptor("chat", ManifestFormat.PLUGIN_TOML, "plugin.toml", ResourceType.PLUGIN,
                Language.LUA, new Version(1, 0, 0), "", "", Optional.of("main.lua"), List.of(), List.of(), List.of(),
                List.of(), Map.of(), ResourceLimits.NONE, new FormatDetails.PluginToml(false));
        var content = Map.copyOf(files);
        new LuaPreparation(Optional.of(starts.chunks())).prepare(next, new ResourceContent() {
            @Override
            public List<String> paths() {
                return content.keySet().stream().sorted().toList();
            }

            @Override
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(content.get(path)).map(text -> text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Starts chat with {@link #files} as they are now and runs main.lua. */
    private void start() {
        starts.start("chat", ScriptFiles.of(files));
    }
}
