package dev.plinth.client.internal.script;

import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.OwnedEventBus;
import dev.plinth.core.sandbox.events.EmitPolicy;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.script.HostFunction;
import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptResults;
import dev.plinth.core.sandbox.script.ScriptRunException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API a client script sees, the same in every language host:
 * <ul>
 * <li>MTADM's client {@code Resource}: {@code MarkReady(name) -> true | nil, err}, {@code IsReady(name) -> bool |
 * nil, err}, {@code GetResources() -> names, nil}, {@code GetResourceInfo(name) -> info, nil | nil, err}, and the
 * constants;</li>
 * <li>{@code AddEventHandler(name, fn)}: the handler receives the event envelope ({@code name payload source target
 * timestamp correlationId version}) of the client's own events ({@code system:resource_transfer_*},
 * {@code resource:sync}, {@code resource:started}...) and of the server's {@code mc.emit_client};</li>
 * <li>{@code mc.emit_server(name, payload) -> true | false, reason}, {@code mc.emit(name, payload)} (the client's own
 * bus), both in the resource's namespace only; {@code mc.log.info/warn/error};</li>
 * <li>Staminal's {@code system.get_mods()} and {@code system.download_mod(id)} (also {@code getMods},
 * {@code downloadMod}).</li>
 * </ul>
 * What a script subscribes goes through the resource's own view of the client's bus, closed when it unloads.
 */
public final class ResourceApi {

    private static final String NOT_FOUND = "ERR_NOT_FOUND";

    private ResourceApi() {}

    /**
     * The globals of one client resource.
     *
     * @param resource the resource
     * @param view its view of the client's bus
     * @param client its client
     * @param log its log
     * @return the globals, by name
     */
    public static Map<String, @Nullable Object> globals(String resource, OwnedEventBus view, ClientSide client,
            ScriptLog log) {
        var emits = new EmitPolicy(resource);
        var globals = new LinkedHashMap<String, @Nullable Object>();
        globals.put("Resource", resourceTable(client));
        globals.put("AddEventHandler", (HostFunction) args -> {
            addEventHandler(view, log, args);
            return null;
        });
        var mc = new LinkedHashMap<String, Object>();
        mc.put("emit_server", (HostFunction) args -> {
            String name = text(args, 0, "mc.emit_server");
            emits.check(name, "mc.emit_server");
            Optional<String> refused = client.emitToServer(name, payload(args, 1));
            return refused.isEmpty() ? Boolean.TRUE : ScriptResults.of(false, refused.get());
        });
        mc.put("emit", (HostFunction) args -> {
            String name = text(args, 0, "mc.emit");
            emits.check(name, "mc.emit");
            client.post(view, name, payload(args, 1));
            return null;
        });
        mc.put("log", Map.of(
                "info", (HostFunction) args -> log(log::info, args),
                "warn", (HostFunction) args -> log(log::warn, args),
                "error", (HostFunction) args -> log(log::error, args)));
        globals.put("mc", mc);
        HostFunction getMods = args -> client.mods();
        HostFunction downloadMod = args -> {
            Optional<String> refused = client.downloadMod(text(args, 0, "system.download_mod"));
            return refused.isEmpty() ? Boolean.TRUE : ScriptResults.of(false, refused.get());
        };
        globals.put("system", Map.of("get_mods", getMods, "getMods", getMods, "download_mod", downloadMod,
                "downloadMod", downloadMod));
        return globals;
    }

    private static Map<String, Object> resourceTable(ClientSide client) {
        var table = new LinkedHashMap<String, Object>();
        table.put("MarkReady", (HostFunction) args -> client.markReady(text(args, 0, "Resource.MarkReady"), true)
                ? ScriptResults.of(true, null) : ScriptResults.of(null, NOT_FOUND));
        table.put("IsReady", (HostFunction) args -> client.readiness(text(args, 0, "Resource.IsReady"))
                .<ScriptResults>map(ready -> ScriptResults.of(ready, null))
                .orElse(ScriptResults.of(null, NOT_FOUND)));
        table.put("GetResources", (HostFunction) args -> ScriptResults.of(client.resourceNames(), null));
        table.put("GetResourceInfo", (HostFunction) args -> client.resourceInfo(text(args, 0,
                        "Resource.GetResourceInfo")).<ScriptResults>map(info -> ScriptResults.of(info, null))
                .orElse(ScriptResults.of(null, NOT_FOUND)));
        table.put("MAX_NAME_LENGTH", 64);
        table.put("MAX_DEPENDENCIES", 50);
        table.put("START_TIMEOUT", 15);
        table.put("STOP_TIMEOUT", 10);
        table.put("RESTART_TIMEOUT", 30);
        return table;
    }

    private static void addEventHandler(OwnedEventBus view, ScriptLog log, List<@Nullable Object> args) {
        String name = text(args, 0, "AddEventHandler");
        if (!(args.size() > 1 && args.get(1) instanceof ScriptFunction handler)) {
            throw new IllegalArgumentException("AddEventHandler(name, handler): the handler must be a function");
        }
        view.subscribe(name, HandlerOptions.defaults().withLocation("AddEventHandler " + name), event -> {
            EventEnvelope envelope = view.currentEnvelope().orElseThrow();
            try {
                handler.call(List.of(envelope(envelope)));
            } catch (ScriptRunException e) {
                log.error("handler of " + name + " failed: " + e.getMessage());
            }
        });
    }

    /**
     * An envelope as scripts read it.
     *
     * @param envelope the envelope
     * @return its fields
     */
    static Map<String, Object> envelope(EventEnvelope envelope) {
        var table = new LinkedHashMap<String, Object>();
        table.put("name", envelope.name());
        table.put("payload", envelope.payload());
        table.put("source", envelope.source());
        envelope.target().ifPresent(target -> table.put("target", target));
        table.put("timestamp", envelope.timestamp());
        table.put("correlationId", envelope.correlationId());
        table.put("version", envelope.version());
        return table;
    }

    private static @Nullable Object log(java.util.function.Consumer<String> level, List<@Nullable Object> args) {
        var text = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            text.append(i > 0 ? " " : "").append(args.get(i));
        }
        level.accept(text.toString());
        return null;
    }

    private static String text(List<@Nullable Object> args, int index, String api) {
        if (args.size() <= index || !(args.get(index) instanceof String value)) {
            throw new IllegalArgumentException(api + ": argument " + (index + 1) + " must be a string");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> payload(List<@Nullable Object> args, int index) {
        if (args.size() <= index || args.get(index) == null) {
            return Map.of();
        }
        if (args.get(index) instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        if (args.get(index) instanceof List<?> list && list.isEmpty()) {
            return Map.of(); // an empty Lua table
        }
        throw new IllegalArgumentException("the payload must be a table of values, not " + args.get(index));
    }
}
