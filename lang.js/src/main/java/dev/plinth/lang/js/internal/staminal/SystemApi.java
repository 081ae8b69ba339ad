package dev.plinth.lang.js.internal.staminal;

import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.ResourceState;
import dev.plinth.core.resource.descriptor.FormatDetails;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import dev.plinth.core.resource.descriptor.Side;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.binding.ResourceBundles;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * Staminal's {@code system} API on the server, in its released camelCase names and the seed's snake_case names:
 * {@code getMods()} / {@code get_mods()} (every mod: {@code id version name description mod_type priority
 * bootstrapped loaded exists download_url}), {@code registerEvent} / {@code unregisterEvent} / {@code sendEvent}
 * ({@link SystemEventRegistry}), {@code getModPackages(side)}; the {@code SystemEvents} and {@code ModSides}
 * enums; {@code process.app.data_path} / {@code config_path}.
 */
public final class SystemApi {

    /** {@code SystemEvents}: the events the runtime itself raises. */
    public static final Map<String, Object> SYSTEM_EVENTS =
            Map.of("RequestUri", 1, "TerminalKeyPressed", 2, "GraphicEngineReady", 3);
    /** {@code ModSides}: where a mod runs. */
    public static final Map<String, Object> MOD_SIDES = Map.of("Client", "client", "Server", "server");

    private SystemApi() {}

    /**
     * Builds {@code system} for a resource.
     *
     * @param scope the resource
     * @param events the host's custom events
     * @param bootstrapped whether a mod has run its {@code onBootstrap}
     * @return the object
     */
    public static ProxyObject create(ResourceScope scope, SystemEventRegistry events,
            Function<String, Boolean> bootstrapped) {
        var system = new LinkedHashMap<String, Object>();
        ProxyExecutable getMods = args -> ProxyArray.fromList(mods(scope, bootstrapped));
        ProxyExecutable registerEvent = args -> {
            String event = eventName(args, "system.registerEvent");
            Value handler = Args.function(args, 1, "system.registerEvent");
            long priority = Args.integer(args, 2, 0, "system.registerEvent");
            return events.register(scope, event, handler, priority, Args.string(args, 3, "", "system.registerEvent"),
                    Args.string(args, 4, "", "system.registerEvent"));
        };
        ProxyExecutable unregisterEvent = args -> events.unregister(scope, Args.integer(args, 0,
                "system.unregisterEvent"));
        ProxyExecutable sendEvent = args -> {
            String event = eventName(args, "system.sendEvent");
            var plain = new ArrayList<@Nullable Object>();
            for (int i = 1; i < args.length; i++) {
                plain.add(PlainValues.toJava(args[i], scope.valueBudget("an argument of system.sendEvent"),
                        "an argument of system.sendEvent"));
            }
            // The sender pays for the handlers it runs, and they count against its own call budget too.
            return PlainValues.toScript(scope.script().asPayer(() -> events.send(scope, event, plain)));
        };
        ProxyExecutable getModPackages = args -> ProxyArray.fromList(packages(scope,
                Args.string(args, 0, "server", "system.getModPackages")));
        put(system, "getMods", "get_mods", getMods);
        put(system, "registerEvent", "register_event", registerEvent);
        put(system, "unregisterEvent", "unregister_event", unregisterEvent);
        put(system, "sendEvent", "send_event", sendEvent);
        put(system, "getModPackages", "get_mod_packages", getModPackages);
        return ProxyObject.fromMap(system);
    }

    /**
     * Builds {@code process} for a resource: {@code process.app.data_path} (its data folder) and
     * {@code config_path} (its config folder, the same folder: Plinth keeps a resource's data and config together).
     *
     * @param dataFolder the resource's data folder
     * @return the object
     */
    public static ProxyObject process(Path dataFolder) {
        var app = new LinkedHashMap<String, Object>();
        app.put("data_path", dataFolder.toString());
        app.put("config_path", dataFolder.toString());
        return ProxyObject.fromMap(new LinkedHashMap<>(Map.of("app", ProxyObject.fromMap(app))));
    }

    private static void put(Map<String, Object> system, String camel, String snake, ProxyExecutable function) {
        system.put(camel, function);
        system.put(snake, function);
    }

    private static String eventName(Value[] args, String api) {
        if (args.length > 0 && args[0].isNumber()) {
            return String.valueOf(args[0].asLong());
        }
        return Args.string(args, 0, api);
    }

    private static List<Object> mods(ResourceScope scope, Function<String, Boolean> bootstrapped) {
        ResourceService resources = scope.service(ResourceService.class, "system.getMods");
        var list = new ArrayList<Object>();
        for (ResourceInfo info : resources.list()) {
            descriptor(scope, resources, info.name()).ifPresent(descriptor -> {
                if (descriptor.details() instanceof FormatDetails.ModManifest mod) {
                    var map = new LinkedHashMap<String, Object>();
                    map.put("id", info.name());
                    map.put("version", info.version().toString());
                    map.put("name", mod.displayName());
                    map.put("description", info.description());
                    map.put("mod_type", mod.modType());
                    map.put("priority", mod.priority());
                    map.put("bootstrapped", bootstrapped.apply(info.name()));
                    map.put("loaded", info.state() == ResourceState.STARTED);
                    map.put("exists", true);
                    map.put("download_url", "");
                    list.add(PlainValues.toScript(map));
                }
            });
        }
        return list;
    }

    private static List<Object> packages(ResourceScope scope, String sideName) {
        Side side = "client".equals(sideName.toLowerCase(Locale.ROOT)) ? Side.CLIENT : Side.SERVER;
        ResourceService resources = scope.service(ResourceService.class, "system.getModPackages");
        var list = new ArrayList<Object>();
        for (ResourceInfo info : resources.list()) {
            descriptor(scope, resources, info.name()).ifPresent(descriptor -> {
                if (descriptor.details() instanceof FormatDetails.ModManifest mod && runsOn(mod.executeOn(), side)) {
                    list.add(PlainValues.toScript(Map.of("id", info.name(), "version", info.version().toString(),
                            "side", sideName, "entry_point", entry(descriptor))));
                }
            });
        }
        return list;
    }

    private static java.util.Optional<ResourceDescriptor> descriptor(ResourceScope scope, ResourceService resources,
            String name) {
        return ResourceBundles.find(scope.bundleContext(), name).flatMap(resources::descriptor);
    }

    private static boolean runsOn(Set<Side> sides, Side side) {
        return sides.contains(side);
    }

    private static String entry(ResourceDescriptor descriptor) {
        return descriptor.main().orElse("");
    }
}
