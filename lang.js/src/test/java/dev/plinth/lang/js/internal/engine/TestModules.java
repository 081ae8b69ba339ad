package dev.plinth.lang.js.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory module roots for tests: the resource's files, other resources' files, built-in modules. */
final class TestModules implements ModuleRoots {

    final Map<String, String> own = new HashMap<>();
    final Map<String, ModRoot> mods = new HashMap<>();
    final Map<String, String> builtins = new HashMap<>();

    TestModules file(String path, String source) {
        own.put(path, source);
        return this;
    }

    @Override
    public ModuleFiles own() {
        return path -> Optional.ofNullable(own.get(path)).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> builtin(String specifier) {
        return Optional.ofNullable(builtins.get(specifier));
    }

    @Override
    public ModRoot mod(String id) throws ImportRefusedException {
        ModRoot root = mods.get(id);
        if (root == null) {
            throw new ImportRefusedException("import '@" + id + "' refused: not a declared dependency");
        }
        return root;
    }
}
