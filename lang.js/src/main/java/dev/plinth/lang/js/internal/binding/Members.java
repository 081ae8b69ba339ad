package dev.plinth.lang.js.internal.binding;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * A host object as scripts see it: a fixed set of members looked up by name in a {@code switch} (no reflection),
 * read-only unless a subclass accepts a member. Methods are {@link org.graalvm.polyglot.proxy.ProxyExecutable}s.
 */
public abstract class Members implements ProxyObject {

    private final List<String> keys;

    /**
     * Creates the object.
     *
     * @param keys its member names, as {@code Object.keys} lists them
     */
    protected Members(List<String> keys) {
        this.keys = List.copyOf(keys);
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
     * @throws UnsupportedOperationException when the member cannot be set
     */
    protected void set(String key, Value value) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is read-only: cannot set '" + key + "'");
    }

    @Override
    public final @Nullable Object getMember(String key) {
        return member(key);
    }

    @Override
    public final Object getMemberKeys() {
        return keys.toArray(new Object[0]);
    }

    @Override
    public final boolean hasMember(String key) {
        return member(key) != null;
    }

    @Override
    public final void putMember(String key, Value value) {
        set(key, value);
    }
}
