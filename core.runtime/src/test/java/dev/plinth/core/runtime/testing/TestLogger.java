package dev.plinth.core.runtime.testing;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** A {@link Logger} for tests: records each message with its level ({@code WARN hello {}}), prints nothing. */
public final class TestLogger {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getName" -> "test";
                case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled", "isWarnEnabled", "isErrorEnabled" -> true;
                case "trace", "debug", "info", "warn", "error", "audit" -> {
                    lines.add(method.getName().toUpperCase(java.util.Locale.ROOT) + " " + format(args));
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "TestLogger";
                default -> null;
            });

    /** {@return the logger} */
    public Logger logger() {
        return logger;
    }

    /** {@return what was logged, in order} */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    private static String format(Object[] args) {
        if (args == null || args.length == 0 || !(args[0] instanceof String message)) {
            return "";
        }
        Object[] values = args.length == 2 && args[1] instanceof Object[] varargs
                ? varargs : java.util.Arrays.copyOfRange(args, 1, args.length);
        var out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < message.length(); i++) {
            if (message.startsWith("{}", i) && next < values.length) {
                out.append(values[next++]);
                i++;
            } else {
                out.append(message.charAt(i));
            }
        }
        return out.toString();
    }
}
