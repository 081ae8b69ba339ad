package dev.plinth.lang.lua.internal.mtadm;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.Locations;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.engine.Budget;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The MTADM API of a Lua resource: the {@code Resource} table ({@code Resource.Start(name) -> err},
 * {@code Resource.GetResources() -> list, err}, {@code Resource.GetResourceInfo}, {@code ReadConfigAsset},
 * {@code WriteConfigAsset}, {@code CreateMapPackage(name, title) -> name, err},
 * {@code BakeMapPackage(name, options) -> true, err}, the constants) and {@code AddEventHandler(name, fn)}, whose
 * handler receives the event envelope. Failures come back as the error-code strings the shell shows ({@code "ERR_NOT_FOUND"}); lifecycle
 * calls are made through the resource's own view of the resource service, so its admin grant applies, and wait
 * for the game thread with the script released ({@code LuaScript.awaitReleased}); from a coroutine they are refused
 * with {@code ERR_DETERMINISTIC_POLICY}, since the thread that resumed it waits for it.
 */
public final class ResourceLibrary {

    private ResourceLibrary() {}

    /**
     * Installs {@code Resource} and {@code AddEventHandler} into a resource's globals.
     *
     * @param context the resource
     */
    public static void install(ResourceContext context) {
        var resource = new LuaTable();
        resource.rawset("Start", lifecycle(context, "Resource.Start", ResourceService::start));
        resource.rawset("Stop", lifecycle(context, "Resource.Stop", ResourceService::stop));
        resource.rawset("Restart", lifecycle(context, "Resource.Restart", ResourceService::restart));
        resource.rawset("GetResources", LuaFunctions.of(args -> guarded(() -> {
            var list = new LuaTable();
            service(context, "Resource.GetResources").names().forEach(name -> list.insert(0, LuaValue.valueOf(name)));
            return list;
        })));
        resource.rawset("GetResourceInfo", LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            return guarded(() -> info(service(context, "Resource.GetResourceInfo").info(name)));
        }));
        resource.rawset("ReadConfigAsset", LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            String path = args.checkjstring(2);
            return guarded(() -> PlainValues.toLua(
                    service(context, "Resource.ReadConfigAsset").readConfigAsset(name, path).orElse(null)));
        }));
        resource.rawset("WriteConfigAsset", LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            String path = args.checkjstring(2);
            Object value = PlainValues.toJava(args.arg(3), context.values("the value of Resource.WriteConfigAsset"),
                    "the value of Resource.WriteConfigAsset");
            return guarded(() -> LuaValue.valueOf(
                    service(context, "Resource.WriteConfigAsset").writeConfigAsset(name, path, value)));
        }));
        resource.rawset("CreateMapPackage", LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            String title = args.optjstring(2, name);
            ResourceService service = service(context, "Resource.CreateMapPackage");
            return released(context, () -> LuaValue.valueOf(service.createMapPackage(name, title)));
        }));
        resource.rawset("BakeMapPackage", LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            var options = PlainValues.toMap(args.arg(2), context.values("the options of Resource.BakeMapPackage"),
                    "the options of Resource.BakeMapPackage");
            ResourceService service = service(context, "Resource.BakeMapPackage");
            return released(context, () -> {
                service.bakeMapPackage(name, options);
                return LuaValue.TRUE;
            });
        }));
        resource.rawset("MAX_NAME_LENGTH", LuaValue.valueOf(ResourceService.MAX_NAME_LENGTH));
        resource.rawset("MAX_DEPENDENCIES", LuaValue.valueOf(ResourceService.MAX_DEPENDENCIES));
        resource.rawset("START_TIMEOUT", LuaValue.valueOf(ResourceService.START_TIMEOUT.toSeconds()));
        resource.rawset("STOP_TIMEOUT", LuaValue.valueOf(ResourceService.STOP_TIMEOUT.toSeconds()));
        resource.rawset("RESTART_TIMEOUT", LuaValue.valueOf(ResourceService.RESTART_TIMEOUT.toSeconds()));
        context.script().globals().rawset("Resource", resource);
        context.script().globals().rawset("AddEventHandler", LuaFunctions.of(args -> addEventHandler(context, args)));
    }

    private static LuaValue addEventHandler(ResourceContext context, Varargs args) {
        String name = args.checkjstring(1);
        LuaValue handler = context.hold(args.checkfunction(2));
        EventBus bus = context.service(EventBus.class, "AddEventHandler");
        var script = context.script();
        bus.subscribe(name, HandlerOptions.defaults().withLocation(Locations.of(handler)), event -> {
            EventEnvelope envelope = bus.currentEnvelope().orElseThrow();
            script.call(Budget.CALL, handler, envelope(envelope));
        });
        return LuaValue.NONE;
    }

    private static LuaTable envelope(EventEnvelope envelope) {
        var table = new LuaTable(0, 7);
        table.rawset("name", LuaValue.valueOf(envelope.name()));
        table.rawset("payload", PlainValues.toLua(envelope.payload()));
        table.rawset("source", LuaValue.valueOf(envelope.source()));
        table.rawset("target", envelope.target().<LuaValue>map(LuaValue::valueOf).orElse(LuaValue.NIL));
        table.rawset("timestamp", LuaValue.valueOf((double) envelope.timestamp()));
        table.rawset("correlationId", LuaValue.valueOf(envelope.correlationId()));
        table.rawset("version", LuaValue.valueOf(envelope.version()));
        return table;
    }

    private static LuaTable info(ResourceInfo info) {
        var table = new LuaTable();
        table.rawset("name", LuaValue.valueOf(info.name()));
        table.rawset("resourceType", LuaValue.valueOf(info.type().id()));
        table.rawset("language", LuaValue.valueOf(info.language().id()));
        table.rawset("author", LuaValue.valueOf(info.author()));
        table.rawset("version", LuaValue.valueOf(info.version().toString()));
        table.rawset("description", LuaValue.valueOf(info.description()));
        table.rawset("state", LuaValue.valueOf(info.state().id()));
        table.rawset("dependencies", PlainValues.toLua(info.dependencies().stream().map(Dependency::name).toList()));
        table.rawset("dependents", PlainValues.toLua(info.dependents()));
        table.rawset("files", PlainValues.toLua(info.files()));
        info.lastError().ifPresent(error -> table.rawset("lastError", LuaValue.valueOf(error)));
        return table;
    }

    private static LuaValue lifecycle(ResourceContext context, String api,
            java.util.function.BiConsumer<ResourceService, String> operation) {
        return LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            ResourceService service = service(context, api);
            if (context.script().inCoroutine()) {
                // The thread that resumed the coroutine (the game thread, in a task) waits for it: a lifecycle call
                // waiting for the game thread from here would wait for itself.
                context.log().warn(api + "(" + name + ") refused: lifecycle calls are not made from a coroutine");
                return LuaValue.valueOf(ResourceErrorCode.ERR_DETERMINISTIC_POLICY.name());
            }
            try {
                // The call waits for the game thread, which may meanwhile deliver resource:* events to this script.
                context.script().awaitReleased(() -> {
                    operation.accept(service, name);
                    return null;
                });
                return LuaValue.NIL;
            } catch (ResourceException e) {
                return LuaValue.valueOf(e.code().name());
            }
        });
    }

    /**
     * {@code value, nil} or {@code nil, "ERR_..."} of work that writes files and waits for the deployer or the game
     * thread, with the script released meanwhile.
     */
    private static Varargs released(ResourceContext context, java.util.function.Supplier<LuaValue> work) {
        if (context.script().inCoroutine()) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(ResourceErrorCode.ERR_DETERMINISTIC_POLICY.name()));
        }
        try {
            return LuaValue.varargsOf(context.script().awaitReleased(work), LuaValue.NIL);
        } catch (ResourceException e) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.code().name()));
        }
    }

    /** {@code value, nil} on success, {@code nil, "ERR_..."} on failure. */
    private static Varargs guarded(java.util.function.Supplier<LuaValue> operation) {
        try {
            return LuaValue.varargsOf(operation.get(), LuaValue.NIL);
        } catch (ResourceException e) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.code().name()));
        }
    }

    private static ResourceService service(ResourceContext context, String api) {
        return context.service(ResourceService.class, api);
    }


}
