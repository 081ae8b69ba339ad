package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.Subscribe;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@link Subscribe} methods of a listener object into handlers, once, at registration: each method is
 * validated (public, not static, {@code void}, one parameter of a concrete event class) and bound to an executor,
 * a hidden class defined from {@link ListenerMethodTemplate} in this bundle with the method's handle as a
 * constant. A bad method refuses the whole listener with an {@link EventException}.
 *
 * <p>The methods of one listener are registered in the order of their names (then parameter types), from the
 * listener's class up through its superclasses; an overridden method is registered once.
 *
 * <p>Thread-safe.
 */
final class ListenerBinder {

    private static final MethodType ERASED = MethodType.methodType(void.class, Object.class, Event.class);
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, Object.class);

    private volatile byte @Nullable [] template;

    /**
     * The registrations of a listener's handlers.
     *
     * @throws EventException when a {@code @Subscribe} method is malformed or there is none
     */
    List<Registration> bind(Object listener) {
        Class<?> type = listener.getClass();
        var methods = subscribeMethods(type);
        if (methods.isEmpty()) {
            throw new EventException("listener " + type.getName() + " has no @Subscribe method");
        }
        var registrations = new ArrayList<Registration>(methods.size());
        for (Method method : methods) {
            Subscribe subscribe = Objects.requireNonNull(method.getAnnotation(Subscribe.class));
            Class<?> event = method.getParameterTypes()[0];
            registrations.add(new Registration(event, subscribe.priority(), subscribe.receiveCancelled(),
                    type.getName() + "." + method.getName(), executor(listener, method)));
        }
        return registrations;
    }

    private static List<Method> subscribeMethods(Class<?> type) {
        var methods = new ArrayList<Method>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            var declared = new ArrayList<Method>();
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Subscribe.class) && !method.isBridge() && !method.isSynthetic()) {
                    declared.add(method);
                }
            }
            declared.sort(Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterTypes()[0].getName(),
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            for (Method method : declared) {
                check(type, method);
                if (seen.add(method.getName() + method.getParameterTypes()[0].getName())) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    private static void check(Class<?> listener, Method method) {
        String problem = null;
        int modifiers = method.getModifiers();
        Class<?>[] parameters = method.getParameterTypes();
        if (!Modifier.isPublic(modifiers)) {
            problem = "is not public";
        } else if (Modifier.isStatic(modifiers)) {
            problem = "is static";
        } else if (method.getReturnType() != void.class) {
            problem = "returns " + method.getReturnType().getName() + " instead of void";
        } else if (parameters.length != 1) {
            problem = "takes " + parameters.length + " parameters instead of one event";
        } else if (!Event.class.isAssignableFrom(parameters[0])) {
            problem = "takes a " + parameters[0].getName() + ", which is no " + Event.class.getName();
        } else if (!EventTypes.concrete(parameters[0])) {
            problem = "takes " + parameters[0].getName() + ", which is not a concrete event class";
        }
        if (problem != null) {
            throw new EventException("listener " + listener.getName() + ": @Subscribe method " + method.getName()
                    + " " + problem
                    + " (a handler is a public void method with one parameter, a concrete event class)");
        }
    }

    @SuppressWarnings("unchecked")
    private EventHandler<Event> executor(Object listener, Method method) {
        try {
            MethodHandle handle = MethodHandles.privateLookupIn(method.getDeclaringClass(), MethodHandles.lookup())
                    .unreflect(method)
                    .asType(ERASED);
            var executor = MethodHandles.lookup().defineHiddenClassWithClassData(template(), handle, true);
            return (EventHandler<Event>) executor.findConstructor(executor.lookupClass(), CONSTRUCTOR).invoke(listener);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new EventException("cannot bind @Subscribe method " + method.getName() + " of "
                    + listener.getClass().getName() + ": " + e, e);
        }
    }

    private byte[] template() throws IOException {
        byte[] bytes = template;
        if (bytes == null) {
            try (InputStream in = ListenerMethodTemplate.class.getResourceAsStream(
                    ListenerMethodTemplate.class.getSimpleName() + ".class")) {
                if (in == null) {
                    throw new IOException("the executor template is missing from the bundle");
                }
                bytes = in.readAllBytes();
            }
            template = bytes;
        }
        return bytes;
    }
}
