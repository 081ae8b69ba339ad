package dev.plinth.lang.js.internal.binding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.plinth.core.sandbox.permission.Grants;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * One resource's host object classes ({@link HostClass}), created in its context: wraps Java objects for scripts
 * and reads them back from script values. Wrapping allocates a small JavaScript object; the class code is shared by
 * every context of the engine. A kind's class is created in the context when the resource first meets an object of
 * that kind, not at its start: a resource that never sees a world pays nothing for the {@code World} class, and a
 * start (on the game thread in a hot reload) creates none.
 *
 * <p>Confined to the resource's calls (it touches the context).
 */
public final class HostObjects {

    private final Context context;
    private final List<HostClass<?>> kinds;
    private final Grants grants;
    private final Map<HostClass<?>, Installed> classes = new HashMap<>();

    /** A kind's class in the context: its make and handle functions, and its methods bound to the resource. */
    private record Installed(Value make, Value handle, MethodTable<?> table) {}

    private HostObjects(Context context, List<HostClass<?>> kinds, Grants grants) {
        this.context = context;
        this.kinds = List.copyOf(kinds);
        this.grants = grants;
    }

    /**
     * The host objects of a context: each kind's class is created there when first needed, inside one of the
     * resource's calls.
     *
     * @param context the resource's context
     * @param kinds the kinds of host objects the resource may meet
     * @param grants what the resource's manifest grants: a method of a kind that needs a permission checks it
     * @return the host objects
     */
    public static HostObjects create(Context context, List<HostClass<?>> kinds, Grants grants) {
        return new HostObjects(context, kinds, grants);
    }

    /**
     * A Java object as scripts see it.
     *
     * @param <T> the Java type
     * @param kind its kind
     * @param target the object, may be null
     * @return the script object, or null
     */
    public <T> @Nullable Value wrap(HostClass<T> kind, @Nullable T target) {
        if (target == null) {
            return null;
        }
        Installed installed = installed(kind);
        return installed.make().execute(new Handle(target, installed.table()));
    }

    /**
     * The Java object a script value stands for.
     *
     * @param <T> the Java type
     * @param kind the kind expected
     * @param value the value
     * @param api the function, for the message
     * @return the object
     * @throws IllegalArgumentException when the value is not such an object
     */
    public <T> T unwrap(HostClass<T> kind, @Nullable Value value, String api) {
        T target = target(kind, value);
        if (target == null) {
            throw new IllegalArgumentException(api + ": expected a " + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return target;
    }

    /**
     * Whether a script value is such an object.
     *
     * @param kind the kind
     * @param value the value
     * @return whether it wraps a Java object of that kind
     */
    public boolean is(HostClass<?> kind, Value value) {
        return target(kind, value) != null;
    }

    /** The Java object a script value of a kind wraps, null when it wraps none. */
    private <T> @Nullable T target(HostClass<T> kind, @Nullable Value value) {
        Installed installed = classes.get(kind);
        if (installed == null) {
            requireKnown(kind);
            return null; // its class was never created here: no object of it exists
        }
        if (value != null) {
            Value handle = installed.handle().execute(value);
            if (handle.isProxyObject() && handle.asProxyObject() instanceof Handle h && kind.type().isInstance(h.target())) {
                return kind.type().cast(h.target());
            }
        }
        return null;
    }

    /** A kind's class in the context, created now when this is its first use. */
    private Installed installed(HostClass<?> kind) {
        Installed installed = classes.get(kind);
        if (installed == null) {
            requireKnown(kind);
            Value factory = context.eval(kind.script()).execute();
            installed = new Installed(factory.getMember("make"), factory.getMember("handle"), kind.table(this, grants));
            classes.put(kind, installed);
        }
        return installed;
    }

    private void requireKnown(HostClass<?> kind) {
        if (!kinds.contains(kind)) {
            throw new IllegalStateException("the host object class " + kind.name() + " is not installed");
        }
    }
}
