package dev.plinth.lang.lua.internal.binding;

import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.lua.internal.limits.Meter;
import dev.plinth.lang.lua.internal.memory.HeldBytes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A host type as Lua sees it: a userdata whose metatable offers hand-written methods ({@code player:name()}),
 * read-only fields ({@code event.player}) and writable fields ({@code event.message = "..."}). Built once per type;
 * no reflection, no coercion. The metatable is protected ({@code getmetatable} answers {@code false}) and the
 * wrapped Java object can only be reached through these functions. A type may belong to a permission group: reading
 * any of its methods or fields then needs the group granted to the calling resource. Whatever a method throws
 * reaches the script as a Lua error.
 *
 * <p>Immutable once built: thread-safe.
 *
 * @param <T> the Java type
 */
public final class HostType<T> {

    private final String name;
    private final Class<T> type;
    private final @Nullable Permission permission;
    private final LuaTable metatable;
    private final LuaTable methods;
    private final LuaValue index;
    private final @Nullable ToLongFunction<T> holding;

    private HostType(Builder<T> builder) {
        this.name = builder.name;
        this.holding = builder.holding;
        this.type = builder.type;
        this.permission = builder.permission;
        this.methods = new LuaTable();
        builder.methods.forEach(methods::rawset);
        this.metatable = new LuaTable();
        metatable.rawset(LuaValue.METATABLE, LuaValue.FALSE);
        this.index = builder.fields.isEmpty() && builder.fallback == null
                ? methods
                : new Index<>(this, methods, Map.copyOf(builder.fields), builder.fallback);
        metatable.rawset(LuaValue.INDEX, index);
        metatable.rawset(LuaValue.NEWINDEX, new NewIndex<>(this, Map.copyOf(builder.setters)));
        metatable.rawset(LuaValue.EQ, new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue a, LuaValue b) {
                return valueOf(a.isuserdata() && b.isuserdata() && a.touserdata().equals(b.touserdata()));
            }
        });
        metatable.rawset(LuaValue.TOSTRING, new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue self) {
                return valueOf(builder.describe.apply(unwrap(self, builder.type, builder.name)));
            }
        });
    }

    /**
     * Starts describing a host type.
     *
     * @param <T> the Java type
     * @param name how Lua messages call it ({@code player})
     * @param type the Java type
     * @return the builder
     */
    public static <T> Builder<T> builder(String name, Class<T> type) {
        return new Builder<>(name, type);
    }

    /**
     * Wraps an object for Lua.
     *
     * @param object the object
     * @return a userdata of this type
     */
    public LuaValue wrap(T object) {
        return new HostValue(object);
    }

    /**
     * Wraps an object, or gives nil.
     *
     * @param object the object, or {@code null}
     * @return a userdata of this type, or nil
     */
    public LuaValue wrapOrNil(@Nullable T object) {
        return object == null ? LuaValue.NIL : wrap(object);
    }

    /**
     * The object behind a value of this type.
     *
     * @param value a Lua value
     * @return the object
     * @throws org.luaj.vm2.LuaError when the value is not of this type
     */
    public T self(LuaValue value) {
        return unwrap(value, type, name);
    }

    private static <T> T unwrap(LuaValue value, Class<T> type, String name) {
        if (value instanceof HostType<?>.HostValue host && host.hostType().type == type) {
            @SuppressWarnings("unchecked")
            T object = (T) host.m_instance;
            return object;
        }
        if (value instanceof LuaUserdata userdata && type.isInstance(userdata.m_instance)) {
            return type.cast(userdata.m_instance);
        }
        throw new org.luaj.vm2.LuaError(name + " expected, got " + value.typename()
                + " (call methods with ':', as in " + name + ":method())");
    }

    /**
     * A method without arguments besides the object.
     *
     * @param <T> the Java type
     */
    @FunctionalInterface
    public interface Method0<T> {
        /**
         * Runs the method.
         *
         * @param self the object
         * @return the result
         */
        LuaValue call(T self);
    }

    /**
     * A method with one argument besides the object.
     *
     * @param <T> the Java type
     */
    @FunctionalInterface
    public interface Method1<T> {
        /**
         * Runs the method.
         *
         * @param self the object
         * @param arg the argument
         * @return the result
         */
        LuaValue call(T self, LuaValue arg);
    }

    /**
     * A method with two arguments besides the object.
     *
     * @param <T> the Java type
     */
    @FunctionalInterface
    public interface Method2<T> {
        /**
         * Runs the method.
         *
         * @param self the object
         * @param a the first argument
         * @param b the second argument
         * @return the result
         */
        LuaValue call(T self, LuaValue a, LuaValue b);
    }

    /** Describes a host type; {@link #build()} makes it. */
    public static final class Builder<T> {
        private final String name;
        private final Class<T> type;
        private final Map<LuaValue, LuaValue> methods = new HashMap<>();
        private final Map<LuaValue, Function<T, LuaValue>> fields = new HashMap<>();
        private final Map<LuaValue, BiConsumer<T, LuaValue>> setters = new HashMap<>();
        private @Nullable BiFunction<T, LuaValue, LuaValue> fallback;
        private Function<T, String> describe;
        private @Nullable Permission permission;
        private @Nullable ToLongFunction<T> holding;
        private @Nullable HostType<T> built;

        private Builder(String name, Class<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            this.describe = object -> name;
        }

        /**
         * Puts the type in a permission group: its methods and fields are refused to resources without the grant.
         *
         * @param group the group
         * @return this builder
         */
        public Builder<T> requires(Permission group) {
            this.permission = Objects.requireNonNull(group, "group");
            return this;
        }

        /**
         * Adds a method without arguments.
         *
         * @param method its Lua name
         * @param body what it does
         * @return this builder
         */
        public Builder<T> method(String method, Method0<T> body) {
            methods.put(LuaValue.valueOf(method), new OneArgFunction() {
                @Override
                public LuaValue call(LuaValue self) {
                    return HostCalls.call(method, self, true,
                            () -> body.call(unwrap(self, Builder.this.type, Builder.this.name)));
                }
            });
            return this;
        }

        /**
         * Adds a method with one argument.
         *
         * @param method its Lua name
         * @param body what it does
         * @return this builder
         */
        public Builder<T> method(String method, Method1<T> body) {
            methods.put(LuaValue.valueOf(method), new TwoArgFunction() {
                @Override
                public LuaValue call(LuaValue self, LuaValue arg) {
                    return HostCalls.call(method, varargsOf(self, arg), true,
                            () -> body.call(unwrap(self, Builder.this.type, Builder.this.name), arg));
                }
            });
            return this;
        }

        /**
         * Adds a method with two arguments.
         *
         * @param method its Lua name
         * @param body what it does
         * @return this builder
         */
        public Builder<T> method(String method, Method2<T> body) {
            methods.put(LuaValue.valueOf(method), new ThreeArgFunction() {
                @Override
                public LuaValue call(LuaValue self, LuaValue a, LuaValue b) {
                    return HostCalls.call(method, varargsOf(self, a, b), true,
                            () -> body.call(unwrap(self, Builder.this.type, Builder.this.name), a, b));
                }
            });
            return this;
        }

        /**
         * Adds a method with any number of arguments.
         *
         * @param method its Lua name
         * @param body what it does, given the object and the arguments after it
         * @return this builder
         */
        public Builder<T> varargsMethod(String method, BiFunction<T, Varargs, Varargs> body) {
            methods.put(LuaValue.valueOf(method), new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    return HostCalls.call(method, args, true, () -> body.apply(
                            unwrap(args.arg1(), Builder.this.type, Builder.this.name), args.subargs(2)));
                }
            });
            return this;
        }

        /**
         * Takes every method of a supertype's host type: a player has the methods of an entity. Methods added
         * afterwards replace the inherited ones of the same name.
         *
         * @param parent the supertype's host type
         * @return this builder
         */
        public Builder<T> methodsOf(HostType<? super T> parent) {
            LuaTable inherited = parent.methods;
            for (LuaValue key : inherited.keys()) {
                methods.put(key, inherited.rawget(key));
            }
            return this;
        }

        /**
         * Adds a read-only field.
         *
         * @param field its Lua name
         * @param getter reads it
         * @return this builder
         */
        public Builder<T> field(String field, Function<T, LuaValue> getter) {
            fields.put(LuaValue.valueOf(field), getter);
            return this;
        }

        /**
         * Makes a field writable.
         *
         * @param field its Lua name
         * @param setter writes it
         * @return this builder
         */
        public Builder<T> setter(String field, BiConsumer<T, LuaValue> setter) {
            setters.put(LuaValue.valueOf(field), setter);
            return this;
        }

        /**
         * Answers for keys that are neither methods nor fields.
         *
         * @param fallback given the object and the key; returns nil when there is nothing
         * @return this builder
         */
        public Builder<T> fallback(BiFunction<T, LuaValue, LuaValue> fallback) {
            this.fallback = fallback;
            return this;
        }

        /**
         * Says what an object keeps of the values a resource gave it (a form its texts), for the resource's
         * retained memory; without it, an object of the type counts nothing.
         *
         * @param bytes an estimate in bytes, answered from any thread
         * @return this builder
         */
        public Builder<T> holding(ToLongFunction<T> bytes) {
            this.holding = Objects.requireNonNull(bytes, "bytes");
            return this;
        }

        /**
         * How {@code tostring} shows an object.
         *
         * @param describe the description
         * @return this builder
         */
        public Builder<T> describedAs(Function<T, String> describe) {
            this.describe = Objects.requireNonNull(describe, "describe");
            return this;
        }

        /**
         * Builds the type.
         *
         * @return the type
         */
        public HostType<T> build() {
            if (built == null) {
                built = new HostType<>(this);
            }
            return built;
        }
    }

    /**
     * An object of this type in Lua. Indexing goes straight to the type's methods (one table lookup, no metatable
     * walk): method calls such as {@code player:name()} cost little more than calling a plain function.
     */
    private final class HostValue extends LuaUserdata implements HeldBytes {

        HostValue(T object) {
            super(object, metatable);
        }

        HostType<T> hostType() {
            return HostType.this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public long heldBytes() {
            return holding == null ? 0 : holding.applyAsLong((T) m_instance);
        }

        @Override
        public LuaValue get(LuaValue key) {
            if (permission != null && !Meter.current().grants().allows(permission)) {
                HostCalls.call(() -> {
                    Meter.current().grants().check(permission, name + ":" + key.tojstring());
                    return NIL;
                });
            }
            LuaValue method = methods.rawget(key);
            if (!method.isnil() || index == methods) {
                return method;
            }
            return index.call(this, key);
        }
    }

    private static final class Index<T> extends TwoArgFunction {
        private final HostType<T> type;
        private final LuaTable methods;
        private final Map<LuaValue, Function<T, LuaValue>> fields;
        private final @Nullable BiFunction<T, LuaValue, LuaValue> fallback;

        Index(HostType<T> type, LuaTable methods, Map<LuaValue, Function<T, LuaValue>> fields,
                @Nullable BiFunction<T, LuaValue, LuaValue> fallback) {
            this.type = type;
            this.methods = methods;
            this.fields = fields;
            this.fallback = fallback;
        }

        @Override
        public LuaValue call(LuaValue self, LuaValue key) {
            LuaValue method = methods.rawget(key);
            if (!method.isnil()) {
                return method;
            }
            Function<T, LuaValue> getter = fields.get(key);
            if (getter != null) {
                return HostCalls.call(() -> getter.apply(type.self(self)));
            }
            return fallback == null ? NIL : HostCalls.call(() -> fallback.apply(type.self(self), key));
        }
    }

    private static final class NewIndex<T> extends ThreeArgFunction {
        private final HostType<T> type;
        private final Map<LuaValue, BiConsumer<T, LuaValue>> setters;

        NewIndex(HostType<T> type, Map<LuaValue, BiConsumer<T, LuaValue>> setters) {
            this.type = type;
            this.setters = setters;
        }

        @Override
        public LuaValue call(LuaValue self, LuaValue key, LuaValue value) {
            BiConsumer<T, LuaValue> setter = setters.get(key);
            if (setter == null) {
                return error("cannot set '" + key.tojstring() + "' of " + type.name);
            }
            HostCalls.call(() -> {
                setter.accept(type.self(self), value);
                return NONE;
            });
            return NONE;
        }
    }
}
