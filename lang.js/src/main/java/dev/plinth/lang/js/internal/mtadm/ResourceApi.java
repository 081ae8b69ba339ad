package dev.plinth.lang.js.internal.mtadm;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import dev.plinth.lang.js.internal.engine.Budget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * The MTADM API of a JavaScript resource: the {@code Resource} object and {@code AddEventHandler(name, fn)}, whose
 * handler receives the event envelope. The queries return {@code [value, err]} pairs ({@code err} is
 * {@code null} or an error code such as {@code "ERR_NOT_FOUND"}), as the Lua API returns {@code value, err}.
 * {@code Resource.Start/Stop/Restart(name)} return a promise of {@code err}
 * ({@code const err = await Resource.Start("x")}): the operation waits for the game thread, which JavaScript must
 * not block, and its {@code resource:*} events reach the script meanwhile. So do the map packages of an admin
 * resource: {@code const [name, err] = await Resource.CreateMapPackage(name, title)} and
 * {@code const [ok, err] = await Resource.BakeMapPackage(name, {name, version, primitives, renderObjects})}.
 */
public final class ResourceApi {

    private ResourceApi() {}

    /**
     * Builds {@code Resource} for a resource.
     *
     * @param scope the resource
     * @param promises makes a promise from a host function that gets resolve and reject
     * @param worker where lifecycle operations wait, off the game thread
     * @return the object to install as {@code Resource}
     */
    public static ProxyObject create(ResourceScope scope, Value promises, Executor worker) {
        var resource = new LinkedHashMap<String, Object>();
        resource.put("Start", lifecycle(scope, promises, worker, "Resource.Start", ResourceService::start));
        resource.put("Stop", lifecycle(scope, promises, worker, "Resource.Stop", ResourceService::stop));
        resource.put("Restart", lifecycle(scope, promises, worker, "Resource.Restart", ResourceService::restart));
        resource.put("GetResources", (ProxyExecutable) args -> guarded(() ->
                ProxyArray.fromList(new ArrayList<>(service(scope, "Resource.GetResources").names()))));
        resource.put("GetResourceInfo", (ProxyExecutable) args -> {
            String name = Args.string(args, 0, "Resource.GetResourceInfo");
            return guarded(() -> info(service(scope, "Resource.GetResourceInfo").info(name)));
        });
        resource.put("ReadConfigAsset", (ProxyExecutable) args -> {
            String name = Args.string(args, 0, "Resource.ReadConfigAsset");
            String path = Args.string(args, 1, "Resource.ReadConfigAsset");
            return guarded(() -> PlainValues.toScript(service(scope, "Resource.ReadConfigAsset")
                    .readConfigAsset(name, path).orElse(null)));
        });
        resource.put("WriteConfigAsset", (ProxyExecutable) args -> {
            String name = Args.string(args, 0, "Resource.WriteConfigAsset");
            String path = Args.string(args, 1, "Resource.WriteConfigAsset");
            Object value = PlainValues.toJava(args.length > 2 ? args[2] : Value.asValue(null),
                    scope.valueBudget("the value of Resource.WriteConfigAsset"), "the value of Resource.WriteConfigAsset");
            return guarded(() -> service(scope, "Resource.WriteConfigAsset").writeConfigAsset(name, path, value));
        });
        resource.put("CreateMapPackage", (ProxyExecutable) args -> {
            String name = Args.string(args, 0, "Resource.CreateMapPackage");
            String title = Args.string(args, 1, name, "Resource.CreateMapPackage");
            ResourceService service = service(scope, "Resource.CreateMapPackage");
            return later(scope, promises, worker, "Resource.CreateMapPackage " + name,
                    () -> service.createMapPackage(name, title), true);
        });
        resource.put("BakeMapPackage", (ProxyExecutable) args -> {
            String name = Args.string(args, 0, "Resource.BakeMapPackage");
            var options = PlainValues.toMap(args.length > 1 ? args[1] : Value.asValue(null),
                    scope.valueBudget("the options of Resource.BakeMapPackage"),
                    "the options of Resource.BakeMapPackage");
            ResourceService service = service(scope, "Resource.BakeMapPackage");
            return later(scope, promises, worker, "Resource.BakeMapPackage " + name, () -> {
                service.bakeMapPackage(name, options);
                return true;
            }, true);
        });
        resource.put("MAX_NAME_LENGTH", ResourceService.MAX_NAME_LENGTH);
        resource.put("MAX_DEPENDENCIES", ResourceService.MAX_DEPENDENCIES);
        resource.put("START_TIMEOUT", ResourceService.START_TIMEOUT.toSeconds());
        resource.put("STOP_TIMEOUT", ResourceService.STOP_TIMEOUT.toSeconds());
        resource.put("RESTART_TIMEOUT", ResourceService.RESTART_TIMEOUT.toSeconds());
        return ProxyObject.fromMap(resource);
    }

    /**
     * Builds {@code AddEventHandler} for a resource.
     *
     * @param scope the resource
     * @return the function
     */
    public static ProxyExecutable addEventHandler(ResourceScope scope) {
        return args -> {
            String name = Args.string(args, 0, "AddEventHandler");
            Value handler = Args.function(args, 1, "AddEventHandler");
            EventBus bus = scope.service(EventBus.class, "AddEventHandler");
            var script = scope.script();
            bus.subscribe(name, HandlerOptions.defaults().withLocation(scope.name() + ": AddEventHandler('" + name
                    + "')"), event -> {
                EventEnvelope envelope = bus.currentEnvelope().orElseThrow();
                script.run(Budget.CALL, handler, envelope(envelope));
            });
            return null;
        };
    }

    private static ProxyObject envelope(EventEnvelope envelope) {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", envelope.name());
        map.put("payload", PlainValues.toScript(envelope.payload()));
        map.put("source", envelope.source());
        map.put("target", envelope.target().orElse(null));
        map.put("timestamp", (double) envelope.timestamp());
        map.put("correlationId", envelope.correlationId());
        map.put("version", envelope.version());
        return ProxyObject.fromMap(map);
    }

    private static Object info(ResourceInfo info) {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", info.name());
        map.put("resourceType", info.type().id());
        map.put("language", info.language().id());
        map.put("author", info.author());
        map.put("version", info.version().toString());
        map.put("description", info.description());
        map.put("state", info.state().id());
        map.put("dependencies", info.dependencies().stream().map(Dependency::name).toList());
        map.put("dependents", info.dependents());
        map.put("files", info.files());
        info.lastError().ifPresent(error -> map.put("lastError", error));
        return PlainValues.toScript(map);
    }

    private static ProxyExecutable lifecycle(ResourceScope scope, Value promises, Executor worker, String api,
            BiConsumer<ResourceService, String> operation) {
        return args -> {
            String name = Args.string(args, 0, api);
            ResourceService service = service(scope, api);
            return later(scope, promises, worker, api + " " + name, () -> {
                operation.accept(service, name);
                return null;
            }, false);
        };
    }

    /**
     * Runs an operation that waits for the game thread on the host's worker, and returns a promise the game thread
     * settles: with {@code err} ({@code null} or the error code), or with {@code [value, err]}.
     *
     * @param what the operation and its argument, for the log when it fails unexpectedly
     * @param pair whether the promise holds {@code [value, err]} rather than {@code err}
     */
    private static Value later(ResourceScope scope, Value promises, Executor worker, String what,
            Supplier<@Nullable Object> operation, boolean pair) {
        GameThread game = scope.service(GameThread.class, what);
        ProxyExecutable start = settle -> {
            Value resolve = settle[0];
            worker.execute(() -> {
                Object value = null;
                String error = null;
                try {
                    value = operation.get();
                } catch (ResourceException e) {
                    error = e.code().name();
                    if (pair) {
                        scope.log().warn(what + ": " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    error = "ERR_SCRIPT_EXECUTION";
                    scope.log().error(what + " failed: " + e);
                }
                Object result = pair ? ProxyArray.fromArray(PlainValues.toScript(value), error) : error;
                game.execute(() -> scope.callBack(what, resolve, result));
            });
            return null;
        };
        return promises.execute(start);
    }

    /** {@code [value, null]} on success, {@code [null, "ERR_..."]} on failure. */
    private static Object guarded(Supplier<@Nullable Object> operation) {
        try {
            return ProxyArray.fromArray(operation.get(), null);
        } catch (ResourceException e) {
            return ProxyArray.fromArray(null, e.code().name());
        }
    }

    private static ResourceService service(ResourceScope scope, String api) {
        return scope.service(ResourceService.class, api);
    }

}
