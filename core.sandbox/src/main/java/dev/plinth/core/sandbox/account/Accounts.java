package dev.plinth.core.sandbox.account;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The accounts of the script resources that run now, one per resource: language hosts open one when a resource starts
 * and close it when it stops; operators' tools read them. An OSGi service.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface Accounts {

    /**
     * Opens the account of a resource that starts (replacing the one of an earlier run under the same name).
     *
     * @param resource the resource name
     * @param language its host's language ({@code lua}, {@code js}, {@code wasm})
     * @param workPerTick the work all its calls within one tick may do, in its host's units; calls made on its behalf
     *     by other resources spend it too
     * @return the account; close it when the resource stops
     */
    Account open(String resource, String language, long workPerTick);

    /**
     * What every open account holds now.
     *
     * @return one snapshot per resource, sorted by name
     */
    List<AccountSnapshot> snapshots();

    /**
     * What one resource's account holds now.
     *
     * @param resource the resource name
     * @return its snapshot, or empty when it has no open account
     */
    Optional<AccountSnapshot> snapshot(String resource);
}
