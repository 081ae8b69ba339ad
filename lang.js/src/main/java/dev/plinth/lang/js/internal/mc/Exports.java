package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.runtime.interop.ExportedFunction;
import dev.plinth.core.sandbox.host.ResourceServices;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Functions between resources, whatever their language: {@code mc.export(name, fn)} and the function exports of a
 * resource's entry module register an {@link ExportedFunction} service through the resource's bundle (gone when it
 * stops); {@code mc.import(resource, name)} returns a function that looks the service up at each call, so it
 * follows the exporter's restarts. Values crossing are JSON-like ({@link PlainValues}).
 */
public final class Exports {

    private Exports() {}

    /**
     * Exports a function of the resource.
     *
     * @param scope the exporting resource
     * @param name the name others import it by
     * @param function the function
     */
    public static void export(ResourceScope scope, String name, Value function) {
        var properties = new Hashtable<String, Object>();
        properties.put(ExportedFunction.RESOURCE, scope.name());
        properties.put(ExportedFunction.NAME, name);
        ExportedFunction exported = arguments -> scope.script().call(Budget.CALL, context -> {
            Object[] args = arguments.stream().map(PlainValues::toScript).toArray();
            Value result = function.execute(args);
            List<@Nullable Object> results = new ArrayList<>(1);
            results.add(PlainValues.toJava(result, scope.valueBudget("the result of " + scope.name() + "." + name),
                    "the result of " + scope.name() + "." + name));
            return results;
        });
        scope.bundleContext().registerService(ExportedFunction.class, exported, properties);
    }

    /**
     * A function that calls another resource's export.
     *
     * @param scope the importing resource
     * @param resource the exporting resource
     * @param name the function's name
     * @return the function scripts call; it throws {@link IllegalStateException} when the export is missing or
     *     failed, or when exports calling each other ran the stack out in the host's code (a message, where the
     *     script would otherwise get an error without one)
     */
    public static ProxyExecutable importer(ResourceScope scope, String resource, String name) {
        return args -> {
            JsScript.checkStackRoom(resource + "." + name);
            try {
                var arguments = new ArrayList<@Nullable Object>(args.length);
                for (Value arg : args) {
                    arguments.add(PlainValues.toJava(arg, scope.valueBudget("an argument of " + resource + "." + name),
                            "an argument of " + resource + "." + name));
                }
                List<@Nullable Object> results = call(scope, resource, name, arguments);
                return results.isEmpty() ? null : PlainValues.toScript(results.getFirst());
            } catch (StackOverflowError e) {
                // Exports calling each other (or themselves) until the stack ran out in the host's code, where the
                // script would get an error without a message.
                throw new IllegalStateException("stack overflow: the calls through " + resource + "." + name
                        + " nest too deep");
            }
        };
    }

    /**
     * The names a resource exports now.
     *
     * @param scope the asking resource
     * @param resource the exporting resource
     * @return the names, sorted
     */
    public static List<String> names(ResourceScope scope, String resource) {
        return references(scope.bundleContext(), "(" + ExportedFunction.RESOURCE + "=" + escape(resource) + ")")
                .stream().map(r -> String.valueOf(r.getProperty(ExportedFunction.NAME))).distinct().sorted().toList();
    }

    static void install(ResourceScope scope, java.util.Map<String, Object> mc) {
        mc.put("export", (ProxyExecutable) args -> {
            export(scope, Args.string(args, 0, "mc.export"), Args.function(args, 1, "mc.export"));
            return null;
        });
        mc.put("import", (ProxyExecutable) args ->
                importer(scope, Args.string(args, 0, "mc.import"), Args.string(args, 1, "mc.import")));
    }

    private static List<@Nullable Object> call(ResourceScope scope, String resource, String name,
            List<@Nullable Object> arguments) {
        BundleContext context = scope.bundleContext();
        Optional<ServiceReference<ExportedFunction>> reference = references(context, "(&(" + ExportedFunction.RESOURCE
                + "=" + escape(resource) + ")(" + ExportedFunction.NAME + "=" + escape(name) + "))").stream().findFirst();
        if (reference.isEmpty()) {
            throw new IllegalStateException("resource '" + resource + "' exports no function '" + name
                    + "' (is it started?)");
        }
        ExportedFunction function = context.getService(reference.get());
        if (function == null) {
            throw new IllegalStateException("resource '" + resource + "' stopped while '" + name + "' was called");
        }
        try {
            // The caller pays for what the export runs, and it counts against the caller's own call budget too.
            return scope.script().asPayer(() -> function.call(arguments));
        } catch (JsException e) {
            throw new IllegalStateException(resource + "." + name + " failed: " + e.getMessage(), e);
        } finally {
            context.ungetService(reference.get());
        }
    }

    private static Collection<ServiceReference<ExportedFunction>> references(BundleContext context, String filter) {
        try {
            return ResourceServices.references(context, ExportedFunction.class, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid resource or function name: " + e.getMessage());
        }
    }

    private static String escape(String value) {
        var escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (Arrays.asList('\\', '*', '(', ')').contains(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
