package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import dev.plinth.lang.js.internal.engine.Budget;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The MC-RS API of a JavaScript resource, the {@code mc} global, with the same names as in Lua: events
 * ({@code mc.on}, {@code mc.emit}), messages ({@code mc.broadcast}), commands, tasks, worlds and players, forms,
 * config, logging and exports. Everything it registers goes through the resource bundle's own services, so stopping
 * the resource removes it.
 */
public final class McApi {

    private static final String DEFAULT_CONFIG = "config.json";

    private McApi() {}

    /**
     * Builds {@code mc} for a resource.
     *
     * @param scope the resource
     * @return the object to install as {@code mc}
     */
    public static ProxyObject create(ResourceScope scope) {
        var mc = new LinkedHashMap<String, Object>();
        mc.put("on", (ProxyExecutable) args -> on(scope, args));
        mc.put("emit", (ProxyExecutable) args -> {
            String name = Args.string(args, 0, "mc.emit");
            scope.checkEmit(name, "mc.emit");
            var payload = PlainValues.toMap(args.length > 1 ? args[1] : Value.asValue(null),
                    scope.valueBudget("the payload of mc.emit"), "the payload of mc.emit");
            EventBus bus = scope.service(EventBus.class, "mc.emit");
            // The emitter pays for the handlers its event runs, and they count against its own call budget too.
            return scope.script().asPayer(() -> bus.post(name, payload)).isCancelled();
        });
        mc.put("broadcast", (ProxyExecutable) args -> {
            scope.require(Permission.PLAYER, "mc.broadcast");
            scope.service(Server.class, "mc.broadcast").broadcast(Args.string(args, 0, "mc.broadcast"));
            return null;
        });
        mc.put("register_command", (ProxyExecutable) args -> registerCommand(scope, args));
        mc.put("schedule_task", (ProxyExecutable) args -> {
            scope.require(Permission.SCHEDULER, "mc.schedule_task");
            long delay = Args.integer(args, 0, "mc.schedule_task");
            Value task = Args.function(args, 1, "mc.schedule_task");
            return scope.schedule("mc.schedule_task", scheduler -> scheduler.runLater(delay,
                    () -> scope.callBack("task", task))).id();
        });
        mc.put("schedule_repeating", (ProxyExecutable) args -> {
            scope.require(Permission.SCHEDULER, "mc.schedule_repeating");
            long period = Args.integer(args, 0, "mc.schedule_repeating");
            Value task = Args.function(args, 1, "mc.schedule_repeating");
            long delay = Args.integer(args, 2, period, "mc.schedule_repeating");
            return scope.schedule("mc.schedule_repeating", scheduler -> scheduler.runRepeating(delay, period,
                    () -> scope.callBack("task", task))).id();
        });
        mc.put("cancel_task", (ProxyExecutable) args -> {
            scope.require(Permission.SCHEDULER, "mc.cancel_task");
            return scope.service(Scheduler.class, "mc.cancel_task").cancel(Args.integer(args, 0, "mc.cancel_task"));
        });
        mc.put("get_world", (ProxyExecutable) args -> {
            scope.require(Permission.WORLD, "mc.get_world");
            return scope.service(Server.class, "mc.get_world")
                .world(Args.string(args, 0, "overworld", "mc.get_world"))
                .map(w -> (Object) scope.objects().wrap(GameObjects.WORLD, w)).orElse(null);
        });
        mc.put("get_player", (ProxyExecutable) args -> {
            scope.require(Permission.PLAYER, "mc.get_player");
            return scope.service(Server.class, "mc.get_player").player(Args.string(args, 0, "mc.get_player"))
                    .map(p -> (Object) scope.objects().wrap(GameObjects.PLAYER, p)).orElse(null);
        });
        mc.put("get_players", (ProxyExecutable) args -> {
            scope.require(Permission.PLAYER, "mc.get_players");
            return ProxyArray.fromList(scope.service(Server.class, "mc.get_players").onlinePlayers().stream()
                    .map(p -> (Object) scope.objects().wrap(GameObjects.PLAYER, p)).toList());
        });
        mc.put("form", FormDraft.library(scope));
        mc.put("config", config(scope));
        mc.put("log", log(scope));
        Exports.install(scope, mc);
        return ProxyObject.fromMap(mc);
    }

    private static Object on(ResourceScope scope, Value[] args) {
        String name = Args.string(args, 0, "mc.on");
        Value handler = Args.function(args, 1, "mc.on");
        EventPriority priority = EventPriority.NORMAL;
        boolean receiveCancelled = false;
        if (!Args.absent(args, 2)) {
            Value settings = args[2];
            Value p = settings.getMember("priority");
            if (p != null && p.isString()) {
                priority = priority(p.asString());
            }
            Value ignore = settings.getMember("ignore_cancelled");
            Value receive = settings.getMember("receive_cancelled");
            receiveCancelled = ignore != null && ignore.isBoolean() && !ignore.asBoolean()
                    || receive != null && receive.isBoolean() && receive.asBoolean();
        }
        var options = HandlerOptions.at(priority).withLocation(scope.name() + ": mc.on('" + name + "')");
        if (receiveCancelled) {
            options = options.withReceiveCancelled();
        }
        scope.service(EventBus.class, "mc.on").subscribe(name, options,
                new JsEventHandler(scope.script(), handler, priority, scope.objects()));
        return null;
    }

    private static EventPriority priority(String priority) {
        try {
            return EventPriority.valueOf(priority.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown priority '" + priority
                    + "': use LOWEST, LOW, NORMAL, HIGH, HIGHEST or MONITOR");
        }
    }

    private static Object registerCommand(ResourceScope scope, Value[] args) {
        scope.require(Permission.COMMANDS, "mc.register_command");
        String name = Args.string(args, 0, "mc.register_command");
        if (args.length < 2 || !args[1].hasMembers()) {
            throw new IllegalArgumentException("mc.register_command: argument 2 must be {description, permission, "
                    + "execute}");
        }
        Value spec = args[1];
        Value execute = spec.getMember("execute");
        if (execute == null || !execute.canExecute()) {
            throw new IllegalArgumentException("mc.register_command: 'execute' must be a function");
        }
        var script = scope.script();
        var definition = CommandDefinition.of(name, (sender, words) ->
                // The player object is made inside the call: only the thread holding the context may touch it.
                script.call(Budget.CALL, context -> execute.execute(GameObjects.sender(scope.objects(), sender),
                        ProxyArray.fromList(words.stream().map(w -> (Object) w).toList()))))
                .withDescription(text(spec, "description", ""));
        String usage = text(spec, "usage", null);
        if (usage != null) {
            definition = definition.withUsage(usage);
        }
        String permission = text(spec, "permission", null);
        if (permission != null) {
            definition = definition.withPermission(permission);
        }
        scope.service(Commands.class, "mc.register_command").register(definition);
        return null;
    }

    private static String text(Value spec, String key, String fallback) {
        Value value = spec.getMember(key);
        return value == null || value.isNull() ? fallback : value.asString();
    }

    private static ProxyObject config(ResourceScope scope) {
        var config = new LinkedHashMap<String, Object>();
        config.put("get", (ProxyExecutable) args -> scope.service(ConfigStore.class, "mc.config.get")
                .loadValues(Args.string(args, 0, DEFAULT_CONFIG, "mc.config.get")).map(PlainValues::toScript)
                .orElse(null));
        config.put("save", (ProxyExecutable) args -> {
            boolean named = args.length > 0 && args[0].isString();
            String file = named ? args[0].asString() : DEFAULT_CONFIG;
            Map<String, Object> values = PlainValues.toMap(args.length > (named ? 1 : 0) ? args[named ? 1 : 0]
                    : Value.asValue(null), scope.valueBudget("the value of mc.config.save"), "the value of mc.config.save");
            scope.service(ConfigStore.class, "mc.config.save").save(file, values);
            return null;
        });
        return ProxyObject.fromMap(config);
    }

    private static ProxyObject log(ResourceScope scope) {
        var log = new LinkedHashMap<String, Object>();
        log.put("info", (ProxyExecutable) args -> {
            scope.log().info(ConsoleLine.join(args));
            return null;
        });
        log.put("warn", (ProxyExecutable) args -> {
            scope.log().warn(ConsoleLine.join(args));
            return null;
        });
        log.put("error", (ProxyExecutable) args -> {
            scope.log().error(ConsoleLine.join(args));
            return null;
        });
        return ProxyObject.fromMap(log);
    }
}
