package dev.plinth.core.resource;

import java.util.Locale;

/**
 * Where a resource is in its lifecycle. {@link #STARTED} is the only fully active state; automation must allow for
 * the transitional {@link #STARTING} and {@link #STOPPING}.
 */
public enum ResourceState {
    /** Deployed (its bundle is installed) but never started. */
    LOADED,
    /** Its start is in progress. */
    STARTING,
    /** Active. */
    STARTED,
    /** Its stop is in progress. */
    STOPPING,
    /** Not active after having been started, or after a stop. */
    STOPPED,
    /** The last lifecycle transition failed, or the resource could not be deployed. */
    ERROR,
    /** Not known here, for example a bundle that was uninstalled meanwhile. */
    UNKNOWN;

    /**
     * The state as users, scripts and metrics see it: {@code loaded}, {@code started}...
     *
     * @return the lower-case name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
