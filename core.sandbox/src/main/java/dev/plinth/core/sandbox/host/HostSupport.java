package dev.plinth.core.sandbox.host;

import java.util.function.BooleanSupplier;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The scaffolding of one language host: a bundle-scoped OSGi service, so each host bundle gets its own instance,
 * whose failures and thread go away when the host stops (releases the service).
 *
 * <p>How a host uses it: its bundle tracker {@linkplain #serves asks} whether a started bundle is one of its
 * resources; a resource that fails while starting is {@linkplain #failed recorded} before the host stops its bundle
 * again (the resource manager then fails the start with {@code ERR_SCRIPT_EXECUTION} and the message); one that breaks
 * its limits later is {@linkplain #stopLater stopped} from this service's own thread; a resource that starts is
 * {@linkplain #cleared cleared}. Its script's output goes through its {@linkplain #log log}.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface HostSupport {

    /**
     * Whether a bundle is a resource of this host: it requires {@code osgi.extender} with the given name and that
     * requirement is wired to the host bundle (another host of the same name does not count).
     *
     * @param resource a bundle the host's tracker sees
     * @param extender the extender name ({@code plinth.lua})
     * @return {@code true} when the host must run it
     */
    boolean serves(Bundle resource, String extender);

    /**
     * Records why a resource failed: registers its {@code HostFailure} service through the host bundle, replacing the
     * one before. Synchronous: call it before stopping the resource's bundle.
     *
     * @param resource the resource bundle
     * @param name the resource name
     * @param message one line naming the resource, file and line, without the error code
     */
    void failed(Bundle resource, String name, String message);

    /**
     * Fails a resource whose start the host could not complete, on the calling thread (the host's bundle tracker,
     * inside the resource's {@code Bundle.start}): records the failure as {@link #failed} does, then stops the bundle
     * again transiently, so that the resource manager fails the start with {@code ERR_SCRIPT_EXECUTION} and this
     * message. A bundle that cannot be stopped (the framework refuses) is logged as an error; nothing is thrown.
     *
     * @param resource the resource bundle
     * @param name the resource name
     * @param message one line naming the resource, file and line, without the error code
     */
    void failStart(Bundle resource, String name, String message);

    /**
     * Forgets a resource's failure: it started.
     *
     * @param resource the resource bundle
     */
    void cleared(Bundle resource);

    /**
     * Fails and stops a resource from this service's own thread ({@code plinth-sandbox-stopper}), never from the
     * calling one (usually a call of that very resource): records the failure, then stops the bundle transiently.
     *
     * @param resource the resource bundle
     * @param name the resource name
     * @param message why, one line, without the error code
     * @param stillApplies checked on the stopper thread first: whether the resource is still the one that failed
     *     (not restarted meanwhile)
     */
    void stopLater(Bundle resource, String name, String message, BooleanSupplier stillApplies);

    /**
     * The log of a resource's script: lines in the resource bundle's name, at INFO and above whatever the default
     * level, one console line each, rate-limited.
     *
     * @param resource the resource bundle
     * @param name the resource name
     * @param language the logger name, the host's language ({@code lua})
     * @param linesPerSecond the rate limit (a burst of four seconds' worth passes)
     * @return the log; close it when the resource stops, to report what was dropped
     */
    ScriptLog log(Bundle resource, String name, String language, int linesPerSecond);

    /**
     * A script log whose lines go to a sink instead of the OSGi log (a headless client's console), with the same
     * escaping and rate limit.
     *
     * @param name the script's name, for the note about dropped lines
     * @param linesPerSecond the rate limit (a burst of four seconds' worth passes)
     * @param sink where the lines go
     * @return the log; close it when the script ends, to report what was dropped
     */
    ScriptLog log(String name, int linesPerSecond, LogSink sink);

    /**
     * The one-line message of a failure while a host runs a resource, as {@link #failed} and {@link #failStart} take it:
     * the failure's own message when it names the resource first already, else the resource's name in front; a
     * failure without a message is named by its type.
     *
     * @param name the resource name
     * @param failure what went wrong
     * @return the message, starting with the resource's name
     */
    static String message(String name, Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return name + ": " + failure.getClass().getName();
        }
        return message.startsWith(name + ":") || message.startsWith(name + " ") ? message : name + ": " + message;
    }
}
