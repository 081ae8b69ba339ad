package dev.plinth.core.runtime.host;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Registers the {@link HostFailure} services of one host as the contract asks, so that no host writes that
 * bookkeeping again: a bundle-scoped service whose registrations belong to the host that obtained it (they are made
 * through its bundle context), one per resource bundle, replaced by the next failure, removed by {@link #clear},
 * when the resource bundle is uninstalled, and when the host releases the service (it stops).
 *
 * <p>How a host uses it: {@code record} then {@code Bundle.stop} when a resource fails while its bundle starts
 * (before {@code Bundle.start} returns), or from a thread of its own when it stops a started resource;
 * {@code clear} once the resource has started. core.runtime reports its Java plugins the same way.
 *
 * <p>Thread-safe: any thread may call it.
 */
@ProviderType
public interface HostFailures {

    /**
     * Says why a host failed a resource: registers its {@link HostFailure}, replacing the previous one. Returns once
     * the resource manager has taken it in (for a started resource: once the resources that need it are stopped).
     *
     * @param bundle the resource bundle
     * @param resource the resource name
     * @param message one line naming the resource, the file and the line, without the error code
     */
    void record(Bundle bundle, String resource, String message);

    /**
     * Forgets a resource's failure: it started.
     *
     * @param bundle the resource bundle
     */
    void clear(Bundle bundle);
}
