package dev.plinth.core.sandbox.memory;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How much one running resource keeps, and how to stop it: a whiteboard service a language host registers (through
 * its own bundle) for each resource it runs, with the service property {@value #RESOURCE}, and unregisters when the
 * resource stops. The sandbox's memory thread ({@code plinth-sandbox-memory}) calls {@link #measure()} every
 * {@code sandbox.memory_check_ms}, records the result in the resource's account, and calls {@link #stop} when the
 * resource keeps more than {@link #limitBytes()}, or when it keeps the most while the server's heap runs out.
 *
 * <p>Called on the sandbox's memory thread, never on the game thread; {@link #measure()} may run while the
 * resource's code runs and must tolerate that (an estimate is fine).
 */
@ConsumerType
public interface RetainedMemory {

    /** Service property: the resource name, a {@code String}. */
    String RESOURCE = "plinth.resource";

    /**
     * The resource.
     *
     * @return its name
     */
    String resource();

    /**
     * The most it may keep.
     *
     * @return bytes ({@code max_memory_mb})
     */
    long limitBytes();

    /**
     * Measures what the resource keeps now, from its roots (Lua: globals, registry, upvalues, its tasks and handlers;
     * WebAssembly: its linear memory). May take a while; it runs off the game thread.
     *
     * @return the bytes it keeps, an estimate
     */
    long measure();

    /**
     * Stops the resource in {@code error}: it keeps too much. Must return quickly (stop from the host's own thread).
     *
     * @param message why, one line naming the resource and the figures
     */
    void stop(String message);
}
