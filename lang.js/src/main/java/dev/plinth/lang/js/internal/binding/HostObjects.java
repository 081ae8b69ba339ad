package dev.plinth.lang.js.internal.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.plinth.core.sandbox.permission.Grants;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
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

    private final Map<HostClass<?>, Value[]> classes = new LinkedHashMap<>();

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
            Value factory = context.eval(Source.newBuilder("js", kind.source(), "plinth-" + kind.name() + ".js")
                    .buildLiteral()).execute(kind.functions(objects, grants));
            objects.classes.put(kind, new Value[] {factory.getMember("make"), factory.getMember("handle")});
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
        return functions(kind)[0].execute(new Handle(target));
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
            Value handle = functions(kind)[1].execute(value);
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
        Value handle = functions(kind)[1].execute(value);
        return handle.isProxyObject() && handle.asProxyObject() instanceof Handle h && kind.type().isInstance(h.target());
    }

    private Value[] functions(HostClass<?> kind) {
        Value[] functions = classes.get(kind);
        if (functions == null) {
            throw new IllegalStateException("the host object class " + kind.name() + " is not installed");
        }
        return functions;
    }
}
