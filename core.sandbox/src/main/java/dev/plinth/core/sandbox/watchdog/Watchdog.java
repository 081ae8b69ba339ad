package dev.plinth.core.sandbox.watchdog;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's watchdog: one named thread ({@code plinth-watchdog}) that looks at every watched call a few times per
 * 10 ms and interrupts those that ran past their bound. An OSGi service; language hosts get one {@link Watch} per
 * resource when it starts and close it when it stops.
 *
 * <p>What a host's interrupt does is its own business: Lua makes the meter's next checkpoint throw (library
 * functions have checkpoints too), JavaScript calls {@code Context.interrupt}, WebAssembly interrupts the thread.
 * The watchdog tells it again, once per further bound, while the call still runs (see {@link Overrun#notice()}):
 * a host stops the resource when a call does not end after the first notice.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface Watchdog {

    /**
     * Starts watching a resource's calls.
     *
     * @param resource the resource name, for messages
     * @param interrupter what to do when one of its calls overruns; called on the watchdog thread
     * @return the resource's watch, to bracket each call with; close it when the resource stops
     */
    Watch watch(String resource, Interrupter interrupter);
}
