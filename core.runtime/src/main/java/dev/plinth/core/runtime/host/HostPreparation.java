package dev.plinth.core.runtime.host;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * The expensive part of starting a script resource, done before the start and off the game thread: reading,
 * parsing and compiling its code (a WebAssembly module compiled to JVM bytecode takes seconds when it is large). A
 * whiteboard service a language host registers; the resource manager calls every one with each resource bundle it
 * is about to start, on the thread that asked for the start (the shell, the boot, a script's lifecycle call), once
 * the bundle resolved and before the start is handed to the game thread, which then only instantiates what was
 * prepared.
 *
 * <p>A host that does not run the bundle returns at once. A host keeps what it prepared for the bundle's next start
 * and checks that the bundle's content is still the one it prepared; it reports a failure when the start comes
 * (through {@link HostFailure}), not from here: the resource manager logs what this method throws and starts the
 * bundle all the same. A host must cope with a start that was not prepared (a bundle started by other means).
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
}
