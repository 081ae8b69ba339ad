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

        preparation().prepare(bundle);
        assertEquals(List.of("lib/names.lua", "main.lua", "text.lua"), starts.compilations.stream().sorted().toList(),
                "the server side compiled before the start, not the client's");

        starts.start("chat", new BundleScriptFiles(bundle));

        assertEquals(List.of("ADA!"), starts.printed);
        assertEquals(List.of(), starts.parsed, "nothing parsed at the start");
        assertEquals(3, starts.compilations.size(), "nothing compiled at the start");
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
