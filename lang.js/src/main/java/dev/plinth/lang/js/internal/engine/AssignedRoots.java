package dev.plinth.lang.js.internal.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The module roots of a context made before its resource was known ({@link ContextReserve}): nothing at all until
 * they are assigned, once, then the resource's own.
 *
 * <p>Thread-safe.
 */
final class AssignedRoots implements ModuleRoots {

    private static final ModuleFiles NOTHING = path -> Optional.empty();

    private final AtomicReference<@Nullable ModuleRoots> assigned = new AtomicReference<>();

    /**
     * Gives these roots their resource's modules.
     *
     * @param roots the resource's module roots
     * @throws IllegalStateException when they were assigned before
     */
    void assign(ModuleRoots roots) {
        if (!assigned.compareAndSet(null, Objects.requireNonNull(roots, "roots"))) {
            throw new IllegalStateException("the context belongs to a resource already");
        }
    }

    @Override
    public ModuleFiles own() {
        ModuleRoots roots = assigned.get();
        return roots == null ? NOTHING : roots.own();
    }

    @Override
    public SourceLines lines() {
        ModuleRoots roots = assigned.get();
        return roots == null ? SourceLines.AS_WRITTEN : roots.lines();
    }

    @Override
    public Optional<String> builtin(String specifier) {
        ModuleRoots roots = assigned.get();
        return roots == null ? Optional.empty() : roots.builtin(specifier);
    }

    @Override
    public ModRoot mod(String id) throws ImportRefusedException {
        ModuleRoots roots = assigned.get();
        if (roots == null) {
            throw new ImportRefusedException("@" + id + " cannot be imported: the context belongs to no resource yet");
        }
        return roots.mod(id);
    }
}
