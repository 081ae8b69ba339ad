package dev.plinth.lang.lua.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.lang.lua.internal.engine.ChunkCompiler;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptLoadException;
import dev.plinth.lang.lua.internal.engine.ScriptRuntimeException;
import dev.plinth.lang.lua.internal.engine.TestScripts;
import dev.plinth.lang.lua.internal.limits.Limits;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import dev.plinth.lang.lua.internal.reload.CompiledChunks;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * What the Lua host prepares before a start, off the game thread: the server scripts compiled with LuaJC, so that the
 * start instantiates them instead of compiling; a file changed after its preparation starts as it is now; what fails
 * is left to the start, which names the resource, the file and the line.
 */
class LuaStartPreparationTest {

    @TempDir
    Path folder;

    /** Every LuaJC compilation, as resource/file. */
    private final List<String> compilations = new ArrayList<>();
    /** The files that ran interpreted because LuaJC failed. */
    private final List<String> interpreted = new ArrayList<>();
    private final List<String> printed = new ArrayList<>();
    private final CompiledChunks chunks = new CompiledChunks(new LuaJcCompiler(), luajc ->
            (resource, file, prototype, environment) -> {
                compilations.add(resource + "/" + file);
                return luajc.compile(resource, file, prototype, environment);
            });

    @Test
    void aPreparedStartInstantiatesWhatWasCompiledBeforehand() throws IOException {
        Bundle bundle = resource(Map.of("main.lua", "print('hello')"));
        preparation(bundle).prepare(bundle);
        assertEquals(List.of("chat/main.lua"), compilations, "the server script compiled before the start");

        start(bundle);

        assertEquals(List.of("hello"), printed);
        assertEquals(List.of("chat/main.lua"), compilations, "not compiled again at the start");
        assertEquals(List.of(), interpreted, "LuaJC's class runs, not the interpreter");
    }

    @Test
    void aFileChangedAfterItsPreparationStartsAsItIsNow() throws IOException {
        Bundle bundle = resource(Map.of("main.lua", "print('before')"));
        preparation(bundle).prepare(bundle);
        Files.writeString(folder.resolve("main.lua"), "print('after')");

        start(bundle);

        assertEquals(List.of("after"), printed, "not the prepared content");
        assertEquals(List.of("chat/main.lua", "chat/main.lua"), compilations, "the new content compiled at the start");
    }

    @Test
    void aRuntimeErrorOfAPreparedScriptNamesTheResourceTheFileAndTheLineItIsOnNow() throws IOException {
        Bundle bundle = resource(Map.of("main.lua", "local t = {}\nprint(t.missing.field)"));
        preparation(bundle).prepare(bundle);
        Files.writeString(folder.resolve("main.lua"), "local t = {}\n\n-- moved down\nprint(t.missing.field)");
        preparation(bundle).prepare(bundle);

        var failed = assertThrows(ScriptRuntimeException.class, () -> start(bundle));

        assertEquals(2, compilations.size(), "each content compiled once, before the start: " + compilations);
        assertEquals("chat", failed.failure().resource());
        assertEquals("main.lua", failed.failure().file());
        assertEquals(4, failed.failure().line(), "the line of the content that runs, not of the first one prepared");
        assertTrue(failed.getMessage().startsWith("chat: main.lua:4: "), failed.getMessage());
    }

    @Test
    void aScriptThatDoesNotParseIsLeftToTheStartWhichNamesTheResourceTheFileAndTheLine() throws IOException {
        Bundle bundle = resource(Map.of("main.lua", "local x = 1\nlocal y = = 2"));

        preparation(bundle).prepare(bundle); // reports nothing: the start does

        assertEquals(List.of(), compilations);
        var failed = assertThrows(ScriptLoadException.class, () -> start(bundle));
        assertEquals("main.lua", failed.failure().file());
        assertEquals(2, failed.failure().line());
        assertTrue(failed.getMessage().startsWith("chat: main.lua:2: "), failed.getMessage());
    }

    @Test
    void aBundleOfAnotherHostIsNotPrepared() throws IOException {
        Bundle bundle = resource(Map.of("main.lua", "print('hello')"));

        new LuaStartPreparation(support(null), resources(), chunks).prepare(bundle);

        assertEquals(List.of(), compilations);
    }

    /** The preparation of a host that runs the given bundle. */
    private LuaStartPreparation preparation(Bundle served) {
        return new LuaStartPreparation(support(served), resources(), chunks);
    }

    /**
     * Starts the resource as the host does ({@code LuaResource.start}): its files read from the bundle, its chunks
     * made by the host's compiler (LuaJC through the kept chunks, the interpreter where LuaJC fails), its server
     * scripts run.
     *
     * @throws ScriptException as the start fails
     */
    private void start(Bundle bundle) {
        ChunkCompiler compiler = chunks.orElse(ChunkCompiler.INTERPRETER,
                (resource, file, cause) -> interpreted.add(file));
        LuaScript script = TestScripts.builder("chat", new BundleScriptFiles(bundle), Limits.defaults())
                .withCompiler(compiler)
                .withConsole(printed::add)
                .build();
        try {
            script.run("main.lua");
        } finally {
            script.close();
        }
    }

    /** A resource bundle named chat whose manifest names main.lua, with the given files in {@link #folder}. */
    private Bundle resource(Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return FolderBundle.of(folder);
    }

    /** A host's support that says the host runs {@code served} (none when {@code null}). */
    private static HostSupport support(Bundle served) {
        return (HostSupport) Proxy.newProxyInstance(HostSupport.class.getClassLoader(),
                new Class<?>[] {HostSupport.class}, (proxy, method, args) -> {
                    if (method.getName().equals("serves")) {
                        return args[0] == served && LuaExtender.EXTENDER.equals(args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The resource manager, as far as a preparation asks it: chat's descriptor, a plugin.toml naming main.lua. */
    private static ResourceService resources() {
        var descriptor = new ResourceDescriptor("chat", ManifestFormat.PLUGIN_TOML, "plugin.toml", ResourceType.PLUGIN,
                Language.LUA, new Version(1, 0, 0), "", "", Optional.of("main.lua"), List.of(), List.of(), List.of(),
                List.of(), Map.of(), ResourceLimits.NONE, new FormatDetails.PluginToml(false));
        return (ResourceService) Proxy.newProxyInstance(ResourceService.class.getClassLoader(),
                new Class<?>[] {ResourceService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("descriptor")) {
                        return Optional.of(descriptor);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
