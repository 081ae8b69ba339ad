package dev.plinth.core.runtime.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Why a language host failed a resource bundle, a whiteboard service the resource manager tracks.
 *
 * <p>A host runs a resource from its bundle tracker, which cannot make {@code Bundle.start} fail. So when a script
 * fails while its resource starts, the host registers a {@code HostFailure} and stops the bundle again before
 * {@code Bundle.start} returns (or, when it cannot, because the bundle is still starting or another extender is in
 * the middle of it, leaves it active: the resource manager stops a bundle whose failure was registered while it
 * started): the resource manager then reports the start as failed with
 * {@code ERR_SCRIPT_EXECUTION} and this {@link #message()}, puts the resource in state {@code error} and posts
 * {@code resource:start_error} instead of {@code resource:started} (a restart rolls back). core.runtime reports
 * its Java plugins the same way (a throwing {@code onEnable}, a component that cannot be created). When a host stops a
 * started resource later (it broke its limits), it registers one just before stopping the bundle: the started
 * resources that need it are stopped first (the registration returns once they are, so a host registers it from a
 * thread of its own, never from within a call of a resource), then the resource moves to {@code error} with the
 * message, and {@code resource:stopped} is posted with it.
 *
 * <p>How a host registers it (the {@link HostFailures} service does all of this for it): through its own bundle
 * context, with the service properties {@value #RESOURCE} (the
 * resource name) and {@value #BUNDLE_ID} (the resource bundle's id, a {@code Long}); at most one per resource bundle
 * (a newer failure replaces the registration of the older); unregistered when the bundle starts again, when it is
 * uninstalled, and when the host stops.
 *
 * <p>Implementations are immutable and thread-safe. The resource manager reads them on the thread that registers
 * them, synchronously, and later on its own threads.
 */
@ConsumerType
public interface HostFailure {

    /** Service property: the name of the resource that failed, a {@code String}. */
    String RESOURCE = "plinth.resource";
    /** Service property: the id of the resource bundle, a {@code Long}. */
    String BUNDLE_ID = "plinth.bundle.id";

    /**
     * The resource that failed.
     *
     * @return its name
     */
    String resource();

    /**
     * The id of its bundle.
     *
     * @return the bundle id
     */
    long bundleId();

    /**
     * What went wrong, on one line, naming the resource, the file and the line, without the error code (the
     * resource manager puts {@code ERR_SCRIPT_EXECUTION} in front): {@code welcome: main.lua:3: attempt to call a
     * nil value}, or {@code spinner stopped for breaking its limits: spinner: main.lua:2: instruction budget per call
     * exceeded}. Tracebacks belong in the host's log.
     *
     * @return the message
     */
    String message();
}
