package dev.plinth.lang.lua.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ManifestFormat;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.ResourceLimits;
import dev.plinth.core.resource.descriptor.ResourceType;
import dev.plinth.core.sandbox.host.HostSupport;
import dev.plinth.lang.lua.internal.reload.PreparedStarts;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * What a start prepared by the host runs without parsing: the server scripts and the modules they {@code require}
 * (the bundle's other Lua files, its client side left out), started as the host starts them (its kept chunks as the
 * prepared ones).
 */
class PreparedModulesTest {

    @TempDir
    Path folder;

    private final PreparedStarts starts = new PreparedStarts(Set.of());

    @Test
    void aPreparedStartParsesNeitherItsScriptNorTheModulesItRequires() throws IOException {
        write("main.lua", "local text = require('text')\nprint(text.shout(require('lib.names').first))");
        write("text.lua", "return { shout = function(s) return s:upper() .. '!' end }");
        write("lib/names.lua", "return { first = 'ada' }");
        write("client/hud.lua", "print('client side')");
        Bundle bundle = FolderBundle.of(folder);

        assertStartRunsWhatWasPrepared(preparation(), bundle, List.of("lib/names.lua", "main.lua", "text.lua"),
                "the server side compiled before the start, not the client's", "ADA!");
    }

    @Test
    void aModuleChangedAfterThePreparationIsParsedAndRunsAsItIsNow() throws IOException {
        write("main.lua", "print(require('lib.names').first)");
        write("lib/names.lua", "return { first = 'ada' }");
        Bundle bundle = FolderBundle.of(folder);
        preparation().prepare(bundle);
        write("lib/names.lua", "return { first = 'grace' }");

        starts.start("chat", new BundleScriptFiles(bundle));

        assertEquals(List.of("grace"), starts.printed);
        assertEquals(List.of("lib/names.lua"), starts.parsed);
    }

    @Test
    void luaFilesUnderClientFilePatternsAreNotCompiledButTheServerModulesBesideThemAre() throws IOException {
        write("main.lua", "print(require('lib.names').first)");
        write("lib/names.lua", "return { first = 'ada' }");
        write("hud.lua", "print('client entry')");
        write("ui/menu.lua", "print('client menu')");
        write("ui/widgets/button.lua", "print('client button')");
        write("forms/login/view.lua", "print('client form')");
        write("forms.lua", "return {}");
        Bundle bundle = FolderBundle.of(folder);
        // alt:V's resource.toml: client-main = "hud.lua", client-files = ["ui/**", "forms/*"]
        var descriptor = new ResourceDescriptor("chat", ManifestFormat.RESOURCE_TOML, "resource.toml",
                ResourceType.SCRIPT, Language.LUA, new Version(1, 0, 0), "", "", Optional.of("main.lua"), List.of(),
                List.of(), List.of("hud.lua", "ui/**", "forms/*"), List.of(), Map.of(), ResourceLimits.NONE,
                new FormatDetails.ResourceToml("lua", Optional.of("hud.lua")));

        preparation(descriptor).prepare(bundle);
        assertEquals(List.of("forms.lua", "lib/names.lua", "main.lua"), starts.compilations.stream().sorted().toList(),
                "the server side compiled before the start, none of the client's files");

        starts.start("chat", new BundleScriptFiles(bundle));

        assertEquals(List.of("ada"), starts.printed);
        assertEquals(List.of(), starts.parsed, "nothing parsed at the start");
    }

    @Test
    void sharedCodeTheServerRequiresUnderAClientPatternIsCompiledBeforeTheFirstStart() throws IOException {
        write("main.lua", "local util = require('shared.util')\nprint(util.greet())");
        write("shared/util.lua", "local names = require 'shared.names'\n"
                + "return { greet = function() return 'hello ' .. names.first end }");
        write("shared/names.lua", "return { first = 'ada' }");
        write("shared/hud.lua", "print('client side')");
        Bundle bundle = FolderBundle.of(folder);

        assertStartRunsWhatWasPrepared(preparation(sharedCode()), bundle,
                List.of("main.lua", "shared/names.lua", "shared/util.lua"),
                "the shared modules the server requires compiled before the start, not the client's own file",
                "hello ada");
    }

    @Test
    void clientFilesTheServerDoesNotRequireByNameAreNeitherParsedNorKept() throws IOException {
        write("main.lua", """
                -- require('shared.commented')
                local text = "require('shared.quoted')"
                local name = 'shared.' .. 'computed'
                local ok = pcall(function() return require(name) end)
                print(text, ok)
                """);
        write("shared/commented.lua", "return 1");
        write("shared/quoted.lua", "return 2");
        write("shared/computed.lua", "return 3");
        Bundle bundle = FolderBundle.of(folder);

        preparation(sharedCode()).prepare(bundle);

        assertEquals(List.of("main.lua"), starts.compilations,
                "a require in a comment or a string, or of a name computed at run time, prepares nothing");
    }

    /** alt:V's shared code: a resource.toml whose main is main.lua, with client-files = ["shared/*"]. */
    private static ResourceDescriptor sharedCode() {
        return new ResourceDescriptor("chat", ManifestFormat.RESOURCE_TOML, "resource.toml", ResourceType.SCRIPT,
                Language.LUA, new Version(1, 0, 0), "", "", Optional.of("main.lua"), List.of(), List.of(),
                List.of("shared/*"), List.of(), Map.of(), ResourceLimits.NONE,
                new FormatDetails.ResourceToml("lua", Optional.empty()));
    }

    /**
     * Prepares the bundle, checks what was compiled, starts it and checks that it printed one line and that its start
     * (on the game thread) parsed and compiled nothing.
     */
    private void assertStartRunsWhatWasPrepared(LuaStartPreparation preparation, Bundle bundle, List<String> compiled,
            String why, String printed) {
        preparation.prepare(bundle);
        assertEquals(compiled, starts.compilations.stream().sorted().toList(), why);

        starts.start("chat", new BundleScriptFiles(bundle));

        assertEquals(List.of(printed), starts.printed);
        assertEquals(List.of(), starts.parsed, "nothing parsed at the start");
        assertEquals(compiled.size(), starts.compilations.size(), "nothing compiled at the start");
    }

    private void write(String file, String text) throws IOException {
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    /** The preparation of a host that runs every bundle, chat's plugin.toml naming main.lua. */
    private LuaStartPreparation preparation() {
        return preparation(new ResourceDescriptor("chat", ManifestFormat.PLUGIN_TOML, "plugin.toml",
                ResourceType.PLUGIN, Language.LUA, new Version(1, 0, 0), "", "", Optional.of("main.lua"), List.of(),
                List.of(), List.of(), List.of(), Map.of(), ResourceLimits.NONE, new FormatDetails.PluginToml(false)));
    }

    /** The preparation of a host that runs every bundle, with the given manifest. */
    private LuaStartPreparation preparation(ResourceDescriptor descriptor) {
        return new LuaStartPreparation(fake(HostSupport.class, Map.of("serves", args -> true)),
                fake(ResourceService.class, Map.of("descriptor", args -> Optional.of(descriptor))), starts.chunks());
    }

    /** An object of an interface that answers the named methods, and only them. */
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        }));
    }
}
