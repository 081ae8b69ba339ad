package dev.plinth.core.resource;

import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The resource lifecycle, one service for the shell, the script hosts and later the web console.
 *
 * <p>A bundle-scoped OSGi service: each bundle gets its own view, and calls are made on behalf of that bundle. A
 * resource bundle (deployed from {@code resources/}) may start, stop or restart resources only when
 * {@code conf/server.json} lists it in {@code AdminResources}; Plinth's own bundles (the console, the shell, the
 * language hosts acting for the server) are the system context. A language host acting for a script resource
 * obtains the service through that resource bundle's own context, so the resource's grant applies.
 *
 * <p>Threads: every method may be called from any thread. Lifecycle operations block until done (or timed out);
 * they run at a tick boundary of the server and never overlap on one resource: a second call while a resource is
 * mid-transition fails with {@link ResourceErrorCode#ERR_RESOURCE_LOCKED}. Every method throws
 * {@link ResourceException} with the error code that applies; every method taking a name refuses one no resource
 * can have with {@link ResourceErrorCode#ERR_INVALID_NAME} or {@link ResourceErrorCode#ERR_NAME_TOO_LONG} (more than
 * {@link #MAX_NAME_LENGTH} characters) before it looks anything up, whatever the language of the caller.
 */
@ProviderType
public interface ResourceService {

    /** The longest resource name. */
    int MAX_NAME_LENGTH = 64;
    /** The most dependencies one resource may declare. */
    int MAX_DEPENDENCIES = 50;
    /** How long a start may take, unless {@code conf/server.json} says otherwise. */
    Duration START_TIMEOUT = Duration.ofSeconds(15);
    /** How long a stop may take, unless {@code conf/server.json} says otherwise. */
    Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a whole restart may take, unless {@code conf/server.json} says otherwise. */
    Duration RESTART_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Starts a resource, its dependencies first; posts {@code resource:started} for each, or
     * {@code resource:start_error}.
     *
     * @param name the resource
     * @return what was started, in order
     * @throws ResourceException {@code ERR_NOT_FOUND}, {@code ERR_ALREADY_STARTED}, {@code ERR_DEPENDENCY_MISSING},
     *     {@code ERR_DEPENDENCY_CYCLE}, {@code ERR_START_TIMEOUT}, {@code ERR_SCRIPT_EXECUTION},
     *     {@code ERR_SYSTEM_RESOURCE}, {@code ERR_RESOURCE_LOCKED}, {@code ERR_PERMISSION_DENIED},
     *     {@code ERR_DETERMINISTIC_POLICY}
     */
    LifecycleResult start(String name);

    /**
     * Starts a resource unless it is started already.
     *
     * @param name the resource
     * @return what was started, possibly nothing
     * @throws ResourceException as {@link #start}, except {@code ERR_ALREADY_STARTED}
     */
    LifecycleResult ensure(String name);

    /**
     * Stops a resource, the resources that depend on it first; posts {@code resource:stopped} for each, or
     * {@code resource:stop_error}.
     *
     * @param name the resource
     * @return what was stopped, in order
     * @throws ResourceException {@code ERR_NOT_FOUND}, {@code ERR_ALREADY_STOPPED}, {@code ERR_STOP_TIMEOUT},
     *     {@code ERR_SCRIPT_EXECUTION}, {@code ERR_SYSTEM_RESOURCE}, {@code ERR_RESOURCE_LOCKED},
     *     {@code ERR_PERMISSION_DENIED}, {@code ERR_DETERMINISTIC_POLICY}
     */
    LifecycleResult stop(String name);

    /**
     * Restarts a resource with the content of its folder now: when the content changed, the bundle is updated and
     * refreshed; the dependents that were started are started again. When the new content fails to start, the
     * previous content is put back and started ({@code ERR_RESTART_ROLLBACK_APPLIED}). Posts
     * {@code resource:restart} or {@code resource:start_error}.
     *
     * @param name the resource
     * @return what was stopped and started
     * @throws ResourceException as {@link #start} and {@link #stop}, plus {@code ERR_INVALID_MANIFEST},
     *     {@code ERR_RESTART_ROLLBACK_APPLIED}, {@code ERR_RESTART_ROLLBACK_FAILED}
     */
    LifecycleResult restart(String name);

    /**
     * Puts a resource in development mode, or takes it out: in development mode, a change of its files reloads it
     * as soon as they settle (its state handed over, its dependents restarted with it, at one tick boundary), as
     * {@code DevResources} in {@code conf/server.json} does from the start. Lasts until the server stops.
     *
     * @param name the resource
     * @param on {@code true} to watch it, {@code false} to stop
     * @return a sentence saying what was done, for the shell
     * @throws ResourceException {@code ERR_NOT_FOUND}, {@code ERR_SYSTEM_RESOURCE}, {@code ERR_PERMISSION_DENIED}
     */
    String watch(String name, boolean on);

    /**
     * Whether a resource is in development mode, and what put it there.
     *
     * @param name the resource
     * @return {@code resource:watch}, {@code DevResources} or {@code ResourceHotReload}; empty when it is not watched
     */
    Optional<String> watchedBy(String name);

    /**
     * The names of every resource, deployed or system, sorted.
     *
     * @return the names
     */
    List<String> names();

    /**
     * Every resource, sorted by name.
     *
     * @return one entry per resource
     */
    List<ResourceInfo> list();

    /**
     * One resource.
     *
     * @param name the resource
     * @return what it is and its state
     * @throws ResourceException {@code ERR_NOT_FOUND}
     */
    ResourceInfo info(String name);

    /**
     * Why a resource is not started: its deployment error, missing or cyclic dependencies, a missing language host,
     * its last failure.
     *
     * @param name the resource
     * @return one sentence per reason; empty when it is started
     * @throws ResourceException {@code ERR_NOT_FOUND}
     */
    List<String> diagnose(String name);

    /**
     * The normalized manifest of a resource bundle, for the language hosts: main file, scripts, permissions, limits.
     *
     * @param bundle any bundle
     * @return its descriptor, or empty when it is not a resource deployed from {@code resources/}
     */
    Optional<ResourceDescriptor> descriptor(Bundle bundle);

    /**
     * The bundle of a resource, for the tools that work per bundle (its log level, its log file, its services).
     *
     * @param name the resource
     * @return its bundle, deployed or system; empty when it has none (not found, or its manifest failed)
     */
    Optional<Bundle> bundle(String name);

    /**
     * Reads one JSON config asset the resource's manifest declares.
     *
     * @param name the resource
     * @param path the asset path, relative to the resource ({@code map/map.json})
     * @return the decoded value: maps, lists, strings, numbers, booleans; empty for a JSON {@code null}
     * @throws ResourceException {@code ERR_NOT_FOUND} (no such resource or undeclared asset),
     *     {@code ERR_PERMISSION_DENIED} (a path leaving the resource), {@code ERR_INVALID_MANIFEST} (not JSON)
     */
    Optional<Object> readConfigAsset(String name, String path);

    /**
     * Writes one declared config asset as JSON, atomically: readers see the old file or the new one, never a part.
     *
     * @param name the resource
     * @param path the asset path, relative to the resource
     * @param value maps, lists, strings, numbers, booleans
     * @return the path written
     * @throws ResourceException as {@link #readConfigAsset}, and {@code ERR_PERMISSION_DENIED} for a resource
     *     deployed from a zip or a jar (read-only)
     */
    String writeConfigAsset(String name, String path, Object value);

    /**
     * Creates a blank editable map package ({@code resourceType = "map"}): {@code resources/NAME/} with
     * {@code meta.json} and {@code map/map.json}, written whole, then deployed (installed, not started).
     *
     * @param name the package's name
     * @param title its title, the map's name
     * @return the name
     * @throws ResourceException {@code ERR_ALREADY_EXISTS}, {@code ERR_INVALID_NAME}, {@code ERR_NAME_TOO_LONG},
     *     {@code ERR_PERMISSION_DENIED} (a resource without the admin grant), {@code ERR_DETERMINISTIC_POLICY}
     */
    String createMapPackage(String name, String title);

    /**
     * Bakes a map package's runtime assets: writes {@code map/map_collision.bin} (primitives in Plinth's binary
     * collision format) and {@code map/map_render.json} (its name, version and render objects), declares both in its
     * {@code meta.json}, and restarts it when it is started, so clients receive them. A bake that fails leaves the old
     * files.
     *
     * @param name the package
     * @param options {@code name}, {@code version}, {@code primitives} ({@code {kind = "cube", x, y, z, sx, sy, sz}}),
     *     {@code renderObjects}, as plain values
     * @throws ResourceException {@code ERR_NOT_FOUND}, {@code ERR_INVALID_MANIFEST} (not a map package, a malformed
     *     option, naming it), {@code ERR_PERMISSION_DENIED}, {@code ERR_DETERMINISTIC_POLICY}, and as
     *     {@link #restart}
     */
    void bakeMapPackage(String name, java.util.Map<String, ?> options);

    /**
     * The lifecycle counters.
     *
     * @return a snapshot
     */
    ResourceStatistics statistics();
}
