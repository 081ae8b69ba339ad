package dev.plinth.lang.js.internal.binding;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * A host object as scripts see it: a fixed set of members looked up by name in a {@code switch} (no reflection),
 * read-only unless a subclass accepts a member. Methods are {@link org.graalvm.polyglot.proxy.ProxyExecutable}s.
 *
 * <p>GraalJS asks {@link #hasMember} before each read (twice before a method call), then {@link #getMember}: a
 * subclass whose members cost something to build (a wrapped game object, a method) answers {@link #has} without
 * building them.
 */
public abstract class Members implements ProxyObject {

    /** Creates the object. */
    protected Members() {
    }

    /** {@return its member names, as {@code Object.keys} lists them; asked for rarely, so it may build the list} */
    protected abstract List<String> keys();

    /**
     * Whether a member is there: by default whether {@link #member} gives one; override it when that is cheaper to
     * tell than to build the member.
     *
     * @param key the name
     * @return whether the script reads something other than {@code undefined}
     */
    protected boolean has(String key) {
        return member(key) != null;
    }

    /**
     * The member of a name.
     *
     * @param key the name
     * @return the member, null when there is none (the script reads {@code undefined})
     */
    protected abstract @Nullable Object member(String key);

    /**
     * Sets a member; read-only by default.
     *
     * @param key the name
     * @param value the value
     * @throws IllegalStateException when the member cannot be set (an exception the script sees with its message,
     *     unlike {@link UnsupportedOperationException}, which GraalJS turns into its own "not supported" error)
     */
    protected void set(String key, Value value) {
        throw new IllegalStateException(getClass().getSimpleName() + " is read-only: cannot set '" + key + "'");
    }

    @Override
    public final @Nullable Object getMember(String key) {
        return member(key);
    }

    @Override
    public final Object getMemberKeys() {
        // A proxy array: the contexts allow no host array access, so a Java array would fail Object.keys.
        return ProxyArray.fromArray(keys().toArray(new Object[0]));
    }

    @Override
    public final boolean hasMember(String key) {
        return has(key);
    }

    @Override
    public final void putMember(String key, Value value) {
        set(key, value);
    }
}
