package dev.plinth.core.resource.descriptor;

/** Where a script runs. */
public enum Side {
    /** On the server only. */
    SERVER,
    /** On clients only: the server distributes it and never runs it. */
    CLIENT,
    /** On both. */
    SHARED;

    /**
     * Whether the server runs scripts of this side.
     *
     * @return {@code true} for {@link #SERVER} and {@link #SHARED}
     */
    public boolean runsOnServer() {
        return this != CLIENT;
    }
}
