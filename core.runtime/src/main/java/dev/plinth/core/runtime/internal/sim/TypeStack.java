package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.internal.owner.Owner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registrations of one kind of type, by id: the latest registration of an id is the one in use; removing it
 * brings the one before back. Game thread only.
 *
 * @param <T> the kind of type
 */
final class TypeStack<T> {

    /**
     * One registration.
     *
     * @param id the namespaced id
     * @param type the type
     * @param owner the resource that registered it
     * @param <T> the kind of type
     */
    record Registered<T>(String id, T type, Owner owner) {}

    private final String kind;
    private final Map<String, List<Registered<T>>> byId = new HashMap<>();

    TypeStack(String kind) {
        this.kind = kind;
    }

    /**
     * Adds a registration on top of the others of its id.
     *
     * @return the registration in use before, of another resource, if any
     * @throws IllegalArgumentException when the owner registered the id already
     */
    Optional<Registered<T>> add(Registered<T> registration) {
        List<Registered<T>> stack = byId.computeIfAbsent(registration.id(), id -> new ArrayList<>());
        if (stack.stream().anyMatch(r -> r.owner().equals(registration.owner()))) {
            throw new IllegalArgumentException(registration.owner() + " registered the " + kind + " type "
                    + registration.id() + " already");
        }
        Optional<Registered<T>> before = stack.isEmpty() ? Optional.empty() : Optional.of(stack.getLast());
        stack.add(registration);
        return before;
    }

    /** Removes a registration; {@code false} when it was not there. */
    boolean remove(Registered<T> registration) {
        List<Registered<T>> stack = byId.get(registration.id());
        if (stack == null || !stack.remove(registration)) {
            return false;
        }
        if (stack.isEmpty()) {
            byId.remove(registration.id());
        }
        return true;
    }

    /** {@return the registration in use for an id} */
    Optional<Registered<T>> active(String id) {
        List<Registered<T>> stack = byId.get(id);
        return stack == null ? Optional.empty() : Optional.of(stack.getLast());
    }

    /** {@return the ids in use, sorted} */
    List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }
}
