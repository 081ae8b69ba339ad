package dev.plinth.lang.js.internal.binding;

import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * The Java object inside a host object's private field: opaque to scripts (it has no members).
 *
 * @param target the Java object
 */
record Handle(Object target) implements ProxyObject {

    @Override
    public @Nullable Object getMember(String key) {
        return null;
    }

    @Override
    public Object getMemberKeys() {
        return new Object[0];
    }

    @Override
    public boolean hasMember(String key) {
        return false;
    }

    @Override
    public void putMember(String key, org.graalvm.polyglot.Value value) {
        throw new UnsupportedOperationException("a host object's handle is read-only");
    }
}
