package dev.plinth.lang.js.internal.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.plinth.core.sandbox.permission.Grants;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * One resource's host object classes ({@link HostClass}), created in its context: wraps Java objects for scripts
 * and reads them back from script values. Wrapping allocates a small JavaScript object; the class code is shared by
 * every context of the engine.
 *
 * <p>Confined to the resource's calls (it touches the context).
 */
public final class HostObjects {

    private final Map<HostClass<?>, Installed> classes = new LinkedHashMap<>();

    /** A kind's class in the context: its make and handle functions, and its methods bound to the resource. */
    private record Installed(Value make, Value handle, MethodTable<?> table) {}

    private HostObjects() {}

    /**
     * Creates the classes in a context.
     *
     * @param context the resource's context, entered
     * @param kinds the kinds of host objects
     * @param grants what the resource's manifest grants: a method of a kind that needs a permission checks it
     * @return the host objects
     */
    public static HostObjects create(Context context, List<HostClass<?>> kinds, Grants grants) {
        var objects = new HostObjects();
        for (HostClass<?> kind : kinds) {
            Value factory = context.eval(kind.script()).execute();
            objects.classes.put(kind, new Installed(factory.getMember("make"), factory.getMember("handle"),
                    kind.table(objects, grants)));
        }
        return objects;
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
        if (value != null) {
            Value handle = installed(kind).handle().execute(value);
            if (handle.isProxyObject() && handle.asProxyObject() instanceof Handle h && kind.type().isInstance(h.target())) {
                return kind.type().cast(h.target());
            }
        }
        throw new IllegalArgumentException(api + ": expected a " + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether a script value is such an object.
     *
     * @param kind the kind
     * @param value the value
     * @return whether it wraps a Java object of that kind
     */
    public boolean is(HostClass<?> kind, Value value) {
        Value handle = installed(kind).handle().execute(value);
        return handle.isProxyObject() && handle.asProxyObject() instanceof Handle h && kind.type().isInstance(h.target());
    }

    private Installed installed(HostClass<?> kind) {
        Installed installed = classes.get(kind);
        if (installed == null) {
            throw new IllegalStateException("the host object class " + kind.name() + " is not installed");
        }
        return installed;
    }
}
