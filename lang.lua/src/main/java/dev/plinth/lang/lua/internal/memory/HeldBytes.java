package dev.plinth.lang.lua.internal.memory;

/**
 * A host object in Lua (a userdata) that keeps what the resource gave it: a form being built keeps its texts, an
 * event the messages a handler set. The memory walk counts these bytes; other host objects belong to the server.
 *
 * <p>Implementations answer from any thread (the memory monitor's, holding the resource's call lock): an estimate.
 */
public interface HeldBytes {

    /**
     * What the object keeps of the resource's values.
     *
     * @return an estimate in bytes
     */
    long heldBytes();
}
