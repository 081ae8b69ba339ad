package dev.plinth.lang.js.internal.binding;

import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;
import java.util.Arrays;
import java.util.Locale;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * The methods of one kind of host object ({@link HostClass}) bound to one resource: its host objects, and whether its
 * manifest grants the kind's permission, decided once (grants are immutable). The generated class calls a method by
 * its index, first argument of its {@link Handle}'s call, followed by what the script passed; the index after the last
 * method is {@code toString}.
 *
 * <p>Immutable: thread-safe; its methods run on the thread of the resource's call.
 *
 * @param <T> the Java type
 */
final class MethodTable<T> {

    private static final Value[] NONE = new Value[0];

    private final HostClass<T> kind;
    private final String[] names;
    private final HostClass.Method<T>[] methods;
    private final HostObjects objects;
    private final Grants grants;
    /** The kind's permission when the manifest does not grant it (its methods are refused), else null. */
    private final @Nullable Permission denied;
    /** The kind's name as messages and {@code toString} say it: {@code player}. */
    private final String prefix;

    MethodTable(HostClass<T> kind, String[] names, HostClass.Method<T>[] methods, @Nullable Permission permission,
            HostObjects objects, Grants grants) {
        this.kind = kind;
        this.names = names;
        this.methods = methods;
        this.objects = objects;
        this.grants = grants;
        this.denied = permission == null || grants.allows(permission) ? null : permission;
        this.prefix = kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Runs a method for the object of a handle.
     *
     * @param target the Java object
     * @param arguments the method's index, then the script's arguments
     * @return what the method returns, as scripts get it
     */
    @Nullable Object call(Object target, Value[] arguments) {
        T self = kind.type().cast(target);
        int index = arguments[0].asInt();
        if (index == methods.length) {
            return prefix + ": " + self;
        }
        if (denied != null) {
            grants.check(denied, prefix + "." + names[index]);
        }
        return methods[index].call(objects, self,
                arguments.length <= 1 ? NONE : Arrays.copyOfRange(arguments, 1, arguments.length));
    }
}
