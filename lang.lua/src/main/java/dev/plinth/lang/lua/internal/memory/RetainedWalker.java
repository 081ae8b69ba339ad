package dev.plinth.lang.lua.internal.memory;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;

/**
 * One measurement of what a Lua resource keeps: a walk of the object graph from its roots (its globals, and the
 * functions the host holds for it: handlers, commands, tasks, exports), counting each value once with an estimate of
 * its size on the heap: strings with their bytes (a byte array shared by substrings once), tables with their entries
 * and metatable, closures with their upvalues and prototype, compiled functions with the values their fields hold,
 * coroutines with the function they run and the values of their frames ({@link HeldFrames}: the local variables of
 * a suspended coroutine), plus a flat {@value #COROUTINE} bytes for its Java thread.
 * Host objects (players, worlds) belong to the server and are not counted, but for what the resource gave them
 * ({@link HeldBytes}: the texts of a form being built).
 *
 * <p>Incremental: {@link #step} visits at most a given number of values, so the caller can hold the resource's
 * call lock for a short while only and let its calls run between two steps (the graph may change meanwhile: this is
 * an estimate). Confined to the measuring thread.
 */
public final class RetainedWalker {

    private static final long OBJECT = 16;
    private static final long REFERENCE = 8;
    private static final long ENTRY = 48;
    private static final long COROUTINE = 64 * 1024;
    private final Map<Class<?>, List<Field>> compiledFields;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final long maxValues;
    private long bytes;

    /**
     * Starts a measurement.
     *
     * @param roots where the resource's values hang from
     * @param maxValues the most values one measurement visits (a resource holding more is over any limit anyway)
     * @param compiledFields the fields of the compiled functions' classes, found once per class and kept by the caller
     *     between measurements (thread-safe)
     */
    public RetainedWalker(List<LuaValue> roots, long maxValues, Map<Class<?>, List<Field>> compiledFields) {
        this.maxValues = maxValues;
        this.compiledFields = compiledFields;
        roots.forEach(this::push);
    }

    /**
     * Visits up to a number of values.
     *
     * @param values how many
     * @return whether the walk is complete
     */
    public boolean step(int values) {
        for (int i = 0; i < values; i++) {
            Object next = pending.poll();
            if (next == null || seen.size() > maxValues) {
                pending.clear();
                return true;
            }
            visit(next);
        }
        return pending.isEmpty();
    }

    /**
     * The bytes counted so far: the resource's retained memory once {@link #step} said the walk is complete.
     *
     * @return an estimate in bytes
     */
    public long bytes() {
        return bytes;
    }

    private void push(Object value) {
        if (value != null && (!(value instanceof LuaUserdata) || value instanceof HeldBytes) && seen.add(value)) {
            pending.add(value);
        }
    }

    private void visit(Object value) {
        switch (value) {
            case LuaString string -> {
                bytes += OBJECT + 16;
                if (seen.add(string.m_bytes)) {
                    bytes += OBJECT + string.m_bytes.length;
                }
            }
            case LuaTable table -> visitTable(table);
            case LuaClosure closure -> {
                bytes += OBJECT + REFERENCE * 3 + (long) closure.upValues.length * (OBJECT + REFERENCE);
                for (UpValue upValue : closure.upValues) {
                    if (upValue != null) {
                        push(upValue.getValue());
                    }
                }
                push(closure.p);
            }
            case Prototype prototype -> {
                bytes += OBJECT * 4 + prototype.code.length * 4L + prototype.k.length * REFERENCE
                        + (prototype.lineinfo == null ? 0 : prototype.lineinfo.length * 4L);
                for (LuaValue constant : prototype.k) {
                    push(constant);
                }
                for (Prototype nested : prototype.p) {
                    push(nested);
                }
            }
            case LuaThread coroutine -> {
                bytes += COROUTINE;
                push(coroutine.state.function);
                if (coroutine.callstack instanceof HeldFrames frames) {
                    frames.forEachHeld(held -> {
                        bytes += REFERENCE;
                        push(held);
                    });
                }
            }
            case LuaFunction function -> visitFunction(function);
            case HeldBytes host -> bytes += OBJECT + host.heldBytes();
            case LuaValue plain -> bytes += OBJECT + REFERENCE;
            default -> bytes += OBJECT;
        }
    }

    private void visitTable(LuaTable table) {
        bytes += OBJECT * 3 + REFERENCE * 4;
        LuaValue metatable = table.getmetatable();
        if (metatable != null) {
            push(metatable);
        }
        LuaValue key = LuaValue.NIL;
        long entries = 0;
        while (entries++ <= maxValues) {
            Varargs next = table.next(key);
            key = next.arg1();
            if (key.isnil()) {
                break;
            }
            bytes += ENTRY;
            push(key);
            push(next.arg(2));
        }
    }

    /**
     * A function compiled by LuaJC keeps its upvalues and constants in fields of its generated class (loaded by a
     * {@code lua:} class loader); a host function that holds a value of the resource says so ({@link HeldValue});
     * other functions are the host's and keep nothing of the resource.
     */
    private void visitFunction(LuaFunction function) {
        bytes += OBJECT + REFERENCE;
        if (function instanceof HeldValue holder) {
            push(holder.held());
            return;
        }
        ClassLoader loader = function.getClass().getClassLoader();
        if (loader == null || loader.getName() == null || !loader.getName().startsWith("lua:")) {
            return;
        }
        for (Field field : compiledFields.computeIfAbsent(function.getClass(), RetainedWalker::valueFields)) {
            try {
                Object held = field.get(Modifier.isStatic(field.getModifiers()) ? null : function);
                bytes += REFERENCE;
                if (held instanceof LuaValue[] array) {
                    bytes += OBJECT + array.length * REFERENCE;
                    for (LuaValue element : array) {
                        push(element);
                    }
                } else {
                    push(held);
                }
            } catch (IllegalAccessException e) {
                // a field that cannot be read is counted as a reference only
            }
        }
    }

    private static List<Field> valueFields(Class<?> type) {
        var fields = new ArrayList<Field>();
        for (Field field : type.getDeclaredFields()) {
            Class<?> kind = field.getType();
            if ((LuaValue.class.isAssignableFrom(kind) || kind == LuaValue[].class) && field.trySetAccessible()) {
                fields.add(field);
            }
        }
        return List.copyOf(fields);
    }
}
