package dev.plinth.core.sandbox.host;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Service look-ups that a language host makes for a script resource through the resource bundle's own context (so
 * that bundle-scoped services give the resource its own view, and its registrations go with it).
 *
 * <p>A script resource bundle has no class space: it imports no package and its host, not the bundle, uses the
 * service objects. {@link BundleContext#getServiceReference(Class)} and {@code getServiceReferences} would still check
 * each reference against the bundle's class space, which Felix does by trying to load the service's class through the
 * bundle: a failed class load each time, with a stack walk and a {@code ClassNotFoundException} on the calling thread
 * (in a resource's start, or in a call of an imported function, the game thread). These look-ups ask the framework
 * for the references without that check ({@link BundleContext#getAllServiceReferences}); find hooks and service
 * permissions still apply, and the result is what the checked look-up would give for such a bundle.
 *
 * <p>Thread-safe (the framework's registry is).
 */
public final class ResourceServices {

    private ResourceServices() {}

    /**
     * The service of a type that {@link BundleContext#getServiceReference(Class)} would choose (the highest ranking,
     * then the lowest service id), without the class-space check.
     *
     * @param <S> the service type
     * @param context the resource bundle's context
     * @param type the service interface, as the host sees it
     * @return its reference, empty when none is registered
     * @throws IllegalStateException when the context is no longer valid (the bundle stopped)
     */
    public static <S> Optional<ServiceReference<S>> reference(BundleContext context, Class<S> type) {
        try {
            return all(context, type, null).stream().max(Comparator.naturalOrder());
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("no filter, nothing to parse", e);
        }
    }

    /**
     * The services of a type matching a filter, without the class-space check, highest ranking first.
     *
     * @param <S> the service type
     * @param context the resource bundle's context
     * @param type the service interface, as the host sees it
     * @param filter an LDAP filter on the services' properties, or {@code null} for all of them
     * @return their references, empty when none matches
     * @throws InvalidSyntaxException when the filter does not parse
     * @throws IllegalStateException when the context is no longer valid (the bundle stopped)
     */
    public static <S> List<ServiceReference<S>> references(BundleContext context, Class<S> type, @Nullable String filter)
            throws InvalidSyntaxException {
        return all(context, type, filter).stream().sorted(Comparator.reverseOrder()).toList();
    }

    @SuppressWarnings("unchecked") // registered under the type's name: the framework checked the object's class
    private static <S> List<ServiceReference<S>> all(BundleContext context, Class<S> type, @Nullable String filter)
            throws InvalidSyntaxException {
        ServiceReference<?>[] found = context.getAllServiceReferences(type.getName(), filter);
        return found == null ? List.of() : Arrays.stream(found).map(r -> (ServiceReference<S>) r).toList();
    }
}
