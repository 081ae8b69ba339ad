package dev.plinth.core.runtime.host;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * The expensive part of starting a script resource, done before the start and off the game thread: reading,
 * parsing and compiling its code (a WebAssembly module compiled to JVM bytecode takes seconds when it is large). A
 * whiteboard service a language host registers; the resource manager calls every one with each resource bundle it
 * is about to start, on the thread that asked for the start (the shell, the boot, a script's lifecycle call) or, at
 * boot, ahead of the start on the resource manager's preparer thread while the game thread starts the resource before,
 * once the bundle resolved and before the start is handed to the game thread, which then only instantiates what was
 * prepared. A bundle's content is prepared once for each start.
 *
 * <p>A host that does not run the bundle returns at once. A host keeps what it prepared for the bundle's next start
 * and checks that the bundle's content is still the one it prepared; it reports a failure when the start comes
 * (through {@link HostFailure}), not from here: the resource manager logs what this method throws and starts the
 * bundle all the same. A host must cope with a start that was not prepared (a bundle started by other means).
 *
 * <p>At boot, a startup resource whose preparation is long work for one of the hosts ({@link #longWork}) is started
 * after the shell is ready, in {@code starting} meanwhile, so that the server owner gets the shell while it compiles.
 *
 * <p>Called on any thread but the game thread's tick, possibly on several threads at once for different bundles.
 */
@ConsumerType
public interface HostPreparation {

    /**
     * Prepares a resource bundle's start.
     *
     * @param resource the resource bundle, resolved and not started
     */
    void prepare(Bundle resource);

    /**
     * Whether preparing a resource bundle is long work (a large WebAssembly module to compile, TypeScript to compile
     * while the compiler is not loaded), which the boot lets wait until the shell is ready. It reads no more than it
     * must to tell (a manifest, a file's size or header, a cache look-up) and compiles nothing. A bundle the host does
     * not run, or whose content it cannot read (its start reports that), has none.
     *
     * @param resource the resource bundle, resolved and not started
     * @return what the long work is, lower case ({@code compiling 4000 functions of big.wasm to JVM bytecode}); empty
     *     when its preparation is quick, as it is by default
     */
    default Optional<String> longWork(Bundle resource) {
        return Optional.empty();
    }
}
