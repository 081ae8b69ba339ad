package dev.plinth.lang.js.internal.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * A kind of host object as scripts see it ({@code player}, {@code world}...): a JavaScript class generated from its
 * method names, whose instances hold in a private field the Java object's {@link Handle}, a {@link ProxyExecutable}
 * that each method calls with its index ({@link MethodTable}). A script's {@code player.name()} is then a plain
 * JavaScript method call (which the JIT inlines) followed by one host call that finds the Java object without
 * unwrapping an argument: no member lookup on a proxy, no reflection. The private field cannot be read or replaced by
 * scripts.
 *
 * <p>Immutable once built: thread-safe. The class is created in each resource's context by {@link HostObjects}.
 *
 * @param <T> the Java type
 */
public final class HostClass<T> {

    /**
     * One method.
     *
     * @param <T> the Java type
     */
    @FunctionalInterface
    public interface Method<T> {
        /**
         * Runs the method.
         *
         * @param objects the resource's host objects, to wrap what the method returns
         * @param self the Java object
         * @param args the arguments after the object, as many as the script passed (at most
         *     {@value HostClass#MAX_ARGUMENTS}): read them with {@link Args}, which treats missing ones as absent
         * @return the result, as scripts get it
         */
        @Nullable Object call(HostObjects objects, T self, Value[] args);
    }

    private final String name;
    private final Class<T> type;
    private final @Nullable Permission permission;
    private final Map<String, Method<T>> methods;

    private HostClass(String name, Class<T> type, @Nullable Permission permission, Map<String, Method<T>> methods) {
        this.name = name;
        this.type = type;
        this.permission = permission;
        this.methods = Map.copyOf(methods);
        this.order = List.copyOf(methods.keySet());
        this.script = Source.newBuilder("js", source(), "plinth-" + name + ".js").buildLiteral();
    }

    private final List<String> order;
    /**
     * The class's code, built once: the engine keeps a source's parse only while the source object is referenced (its
     * cache is weak), so one source held here is parsed once for every context of the engine, where a source built
     * anew for each resource's start would be parsed again once a collection dropped the last one.
     */
    private final Source script;

    /**
     * Starts describing a kind of host object.
     *
     * @param <T> the Java type
     * @param name the JavaScript class name ({@code Player})
     * @param type the Java type
     * @return the builder
     */
    public static <T> Builder<T> builder(String name, Class<T> type) {
        return new Builder<>(name, type);
    }

    /** {@return the JavaScript class name} */
    public String name() {
        return name;
    }

    /** {@return the Java type} */
    public Class<T> type() {
        return type;
    }

    /** {@return the class's code as {@link #source()} writes it, one source object for every context (parsed once)} */
    Source script() {
        return script;
    }

    /** The most arguments a method passes on to its host function: more are ignored. */
    static final int MAX_ARGUMENTS = 6;

    /**
     * The JavaScript source of a function that returns {@code {make, handle}}: make wraps a {@link Handle} in a new
     * instance, handle reads it back from an instance (undefined for anything else). Each method calls the handle with
     * its index and exactly the arguments it was given (up to {@link #MAX_ARGUMENTS}), so {@code player.name()} is one
     * host call with one argument, the index, as a raw {@code ProxyExecutable} call with one argument would be.
     *
     * @return the source
     */
    String source() {
        var source = new StringBuilder("(function () {\n  'use strict';\n  class ").append(name).append(" {\n")
                .append("    #h;\n    constructor(h) { this.#h = h; }\n");
        for (int index = 0; index < order.size(); index++) {
            source.append("    ").append(order.get(index)).append('(').append(parameters(MAX_ARGUMENTS))
                    .append(") {\n      switch (arguments.length) {\n");
            for (int count = 0; count <= MAX_ARGUMENTS; count++) {
                source.append(count == MAX_ARGUMENTS ? "        default" : "        case " + count)
                        .append(": return this.#h(").append(index)
                        .append(count == 0 ? "" : ", " + parameters(count)).append(");\n");
            }
            source.append("      }\n    }\n");
        }
        source.append("    toString() { return this.#h(").append(order.size()).append("); }\n")
                .append("    static handle(o) { return o !== null && typeof o === 'object' && #h in o ? o.#h : undefined; }\n")
                .append("  }\n  return Object.freeze({ make: (h) => new ").append(name).append("(h), handle: ")
                .append(name).append(".handle });\n})");
        return source.toString();
    }

    /** {@return the first {@code count} parameter names, {@code a, b, c}...} */
    private static String parameters(int count) {
        var names = new StringBuilder();
        for (int i = 0; i < count; i++) {
            names.append(i == 0 ? "" : ", ").append((char) ('a' + i));
        }
        return names.toString();
    }

    /**
     * The methods the generated class calls by index, bound to one resource's host objects and grants.
     *
     * @param objects the resource's host objects
     * @param grants what the resource's manifest grants
     * @return the table
     */
    @SuppressWarnings("unchecked")
    MethodTable<T> table(HostObjects objects, Grants grants) {
        return new MethodTable<>(this, order.toArray(String[]::new),
                order.stream().map(methods::get).toArray(Method[]::new), permission, objects, grants);
    }

    /** Describes a kind of host object; {@link #build()} creates it. */
    public static final class Builder<T> {
        private final String name;
        private final Class<T> type;
        private final Map<String, Method<T>> methods = new LinkedHashMap<>();
        private @Nullable Permission permission;

        private Builder(String name, Class<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * Adds a method.
         *
         * @param method its name, a JavaScript identifier
         * @param body what it does
         * @return this builder
         */
        public Builder<T> method(String method, Method<T> body) {
            methods.put(method, body);
            return this;
        }

        /**
         * Makes every method need a permission of the manifest ({@code world} for worlds and entities).
         *
         * @param needed the permission
         * @return this builder
         */
        public Builder<T> requires(Permission needed) {
            this.permission = needed;
            return this;
        }

        /**
         * Adds every method of a supertype's class ({@code player} has the entity's methods).
         *
         * @param other the supertype's class
         * @return this builder
         */
        public Builder<T> methodsOf(HostClass<? super T> other) {
            other.methods.forEach((method, body) -> methods.put(method, body::call));
            return this;
        }

        /** {@return the class} */
        public HostClass<T> build() {
            return new HostClass<>(name, type, permission, methods);
        }
    }
}
