package dev.plinth.lang.js.internal.binding;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * The Java object inside a host object's private field, and the one host function its methods call: the generated
 * class calls {@code this.#h(index, ...args)}, so the object is at hand here without unwrapping an argument, and the
 * method is found by its index in the kind's {@link MethodTable}. Opaque to scripts, which never reach the field.
 *
 * <p>Called on the thread running the resource's call.
 *
 * @param target the Java object
 * @param table the methods of its kind, bound to the resource
 */
record Handle(Object target, MethodTable<?> table) implements ProxyExecutable {

    @Override
    public @Nullable Object execute(Value... arguments) {
        return table.call(target, arguments);
    }

    @Override
    public String toString() {
        return "handle of " + target;
    }
}
