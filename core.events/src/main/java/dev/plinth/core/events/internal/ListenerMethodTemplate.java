package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventHandler;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * The template of the executor of one {@code @Subscribe} method. It is never used as such: {@link ListenerBinder}
 * defines a hidden copy of this class per method, whose class data is the method's handle. The handle lands in a
 * {@code static final} field, so the JIT treats it as a constant and {@code invokeExact} compiles to a direct,
 * inlinable call of the listener method: no reflection, no lookup per event.
 */
final class ListenerMethodTemplate implements EventHandler<Event> {

    /** {@code (Object listener, Event event) void}, the listener method adapted to these erased types. */
    private static final MethodHandle METHOD = classData();

    private final Object listener;

    ListenerMethodTemplate(Object listener) {
        this.listener = listener;
    }

    @Override
    public void handle(Event event) throws Exception {
        try {
            METHOD.invokeExact(listener, event);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    @Override
    public String toString() {
        return "executor of " + METHOD + " on " + listener.getClass().getName();
    }

    private static MethodHandle classData() {
        try {
            return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError("the hidden class's own lookup reads its class data", e);
        }
    }
}
