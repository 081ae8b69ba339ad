package dev.plinth.benchmarks.js;

import dev.plinth.lang.js.internal.engine.ImportRefusedException;
import dev.plinth.lang.js.internal.engine.ModuleFiles;
import dev.plinth.lang.js.internal.engine.ModuleRoots;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A resource's modules held in memory, for the benchmarks: no built-in modules, no {@code @id} imports. */
record MemoryModules(Map<String, String> files) implements ModuleRoots {

    @Override
    public ModuleFiles own() {
        return path -> Optional.ofNullable(files.get(path)).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> builtin(String specifier) {
        return Optional.empty();
    }

    @Override
    public ModRoot mod(String id) throws ImportRefusedException {
        throw new ImportRefusedException("the benchmarks import no other resource");
    }
}
