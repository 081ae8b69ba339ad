package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.runtime.interop.ExportedFunction;
import dev.plinth.core.sandbox.host.ResourceServices;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code mc.export(name, fn)} and {@code mc.import(resource, name)}: an exported function is an
 * {@link ExportedFunction} service registered through the exporting resource's bundle (gone when it stops); an
 * imported one looks the service up at each call, so it follows the exporter's restarts.
 */
final class Exports {

    private Exports() {}

    static void install(ResourceContext context, LuaTable mc) {
        mc.rawset("export", LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            LuaValue function = context.hold(args.checkfunction(2));
            var properties = new Hashtable<String, Object>();
            properties.put(ExportedFunction.RESOURCE, context.name());
            properties.put(ExportedFunction.NAME, name);
            ExportedFunction exported = arguments -> {
                Varargs results = context.script().call(Budget.CALL, function, PlainValues.toVarargs(arguments));
                return PlainValues.toList(results, context.values("the results of " + name));
            };
            bundleContext(context).registerService(ExportedFunction.class, exported, properties);
            return LuaValue.NONE;
        }));
        mc.rawset("import", LuaFunctions.of(args -> {
            String resource = args.checkjstring(1);
            String name = args.checkjstring(2);
            return LuaFunctions.of(callArgs -> call(context, resource, name,
                    PlainValues.toList(callArgs, context.values("the arguments of " + resource + "." + name))));
        }));
    }

    private static Varargs call(ResourceContext context, String resource, String name, List<Object> arguments) {
        BundleContext bundleContext = bundleContext(context);
        Collection<ServiceReference<ExportedFunction>> references;
        try {
            references = ResourceServices.references(bundleContext, ExportedFunction.class,
                    "(&(" + ExportedFunction.RESOURCE + "=" + escape(resource) + ")(" + ExportedFunction.NAME + "="
                            + escape(name) + "))");
        } catch (InvalidSyntaxException e) {
            throw new LuaError("invalid resource or function name: " + e.getMessage());
        }
        ServiceReference<ExportedFunction> reference = references.stream().findFirst()
                .orElseThrow(() -> new LuaError("resource '" + resource + "' exports no function '" + name
                        + "' (is it started?)"));
        ExportedFunction function = bundleContext.getService(reference);
        if (function == null) {
            throw new LuaError("resource '" + resource + "' stopped while '" + name + "' was called");
        }
        try {
            // the exporter's work is paid for by the resource that calls it
            return PlainValues.toVarargs(context.script().asPayer(() -> function.call(arguments)));
        } catch (ScriptException e) {
            throw new LuaError(resource + "." + name + " failed: " + e.getMessage());
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private static BundleContext bundleContext(ResourceContext context) {
        BundleContext bundleContext = context.bundle().getBundleContext();
        if (bundleContext == null) {
            throw new LuaError(context.name() + " is not started");
        }
        return bundleContext;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
