package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.runtime.client.Clients;
import dev.plinth.core.runtime.client.EmitResult;
import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.config.ConfigStore;
import dev.plinth.core.runtime.scheduler.Scheduler;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.sandbox.permission.Permission;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.Locations;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.engine.Budget;
import java.util.Locale;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The MC-RS API of a Lua resource, the {@code mc} global: events ({@code mc.on}, {@code mc.emit}, and
 * {@code mc.emit_client} to one player's client scripts), messages
 * ({@code mc.broadcast}), commands, tasks, worlds and players, forms, config, logging and exports. Everything it
 * registers goes through the resource bundle's own services, so stopping the resource removes it. Players, worlds,
 * commands and tasks need their permission group granted ({@code [permissions]}); a script emits only its own
 * events ({@code name:event}).
 */
public final class McLibrary {

    private static final String DEFAULT_CONFIG = "config.json";

    private McLibrary() {}

    /**
     * Installs {@code mc} into a resource's globals.
     *
     * @param context the resource
     */
    public static void install(ResourceContext context) {
        var mc = new LuaTable();
        mc.rawset("on", LuaFunctions.of(args -> on(context, args)));
        mc.rawset("emit", LuaFunctions.of(args -> {
            String name = args.checkjstring(1);
            context.emits().check(name, "mc.emit");
            var payload = PlainValues.toMap(args.arg(2), context.values("the payload of mc.emit"),
                    "the payload of mc.emit");
            EventBus bus = context.service(EventBus.class, "mc.emit");
            // the handlers this event reaches, in any resource, are paid for by the resource that emitted it
            var event = context.script().asPayer(() -> bus.post(name, payload));
            return LuaValue.valueOf(event.isCancelled());
        }));
        mc.rawset("emit_client", LuaFunctions.of(args -> emitClient(context, args)));
        mc.rawset("broadcast", LuaFunctions.of(args -> {
            context.require(Permission.PLAYER, "mc.broadcast");
            String message = args.checkjstring(1);
            context.service(Server.class, "mc.broadcast").broadcast(message);
            return LuaValue.NONE;
        }));
        mc.rawset("register_command", LuaFunctions.of(args -> {
            context.require(Permission.COMMANDS, "mc.register_command");
            return registerCommand(context, args);
        }));
        mc.rawset("schedule_task", LuaFunctions.of(args -> {
            context.require(Permission.SCHEDULER, "mc.schedule_task");
            LuaValue task = context.hold(args.checkfunction(2));
            Scheduler scheduler = context.service(Scheduler.class, "mc.schedule_task");
            return LuaValue.valueOf(context.schedule("mc.schedule_task", () -> scheduler
                    .runLater(args.checklong(1), () -> context.callBack("task", task, LuaValue.NONE))).id());
        }));
        mc.rawset("schedule_repeating", LuaFunctions.of(args -> {
            context.require(Permission.SCHEDULER, "mc.schedule_repeating");
            long period = args.checklong(1);
            LuaValue task = context.hold(args.checkfunction(2));
            Scheduler scheduler = context.service(Scheduler.class, "mc.schedule_repeating");
            return LuaValue.valueOf(context.schedule("mc.schedule_repeating", () -> scheduler
                    .runRepeating(args.optlong(3, period), period, () -> context.callBack("task", task, LuaValue.NONE)))
                    .id());
        }));
        mc.rawset("cancel_task", LuaFunctions.of(args -> {
            context.require(Permission.SCHEDULER, "mc.cancel_task");
            return LuaValue.valueOf(context.service(Scheduler.class, "mc.cancel_task").cancel(args.checklong(1)));
        }));
        mc.rawset("get_world", LuaFunctions.of(args -> {
            context.require(Permission.WORLD, "mc.get_world");
            return WorldType.TYPE.wrapOrNil(
                    context.service(Server.class, "mc.get_world").world(args.optjstring(1, "overworld")).orElse(null));
        }));
        mc.rawset("get_player", LuaFunctions.of(args -> {
            context.require(Permission.PLAYER, "mc.get_player");
            return PlayerType.TYPE.wrapOrNil(
                    context.service(Server.class, "mc.get_player").player(args.checkjstring(1)).orElse(null));
        }));
        mc.rawset("get_players", LuaFunctions.of(args -> {
            context.require(Permission.PLAYER, "mc.get_players");
            var list = new LuaTable();
            context.service(Server.class, "mc.get_players").onlinePlayers()
                    .forEach(player -> list.insert(0, PlayerType.TYPE.wrap(player)));
            return list;
        }));
        mc.rawset("form", FormDraft.library(context));
        mc.rawset("config", config(context));
        mc.rawset("log", log(context));
        Exports.install(context, mc);
        context.script().globals().rawset("mc", mc);
    }

    /**
     * {@code mc.emit_client(player, name, payload) -> true | false, reason}: an event of the resource's own namespace
     * to the scripts of one player's client; {@code reason} is {@code not_connected} or {@code rate_limited}.
     */
    private static Varargs emitClient(ResourceContext context, Varargs args) {
        String player = args.arg1().isstring() ? args.checkjstring(1) : PlayerType.TYPE.self(args.arg1()).name();
        String name = args.checkjstring(2);
        context.emits().check(name, "mc.emit_client");
        var payload = PlainValues.toMap(args.arg(3), context.values("the payload of mc.emit_client"),
                "the payload of mc.emit_client");
        EmitResult result = context.service(Clients.class, "mc.emit_client").emit(player, name, payload);
        return result == EmitResult.SENT ? LuaValue.TRUE
                : LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf(result.name().toLowerCase(Locale.ROOT)));
    }

    private static LuaValue on(ResourceContext context, Varargs args) {
        String name = args.checkjstring(1);
        LuaValue handler = context.hold(args.checkfunction(2));
        LuaValue settings = args.arg(3);
        var options = HandlerOptions.at(priority(settings.isnil() ? LuaValue.NIL : settings.checktable().get("priority")))
                .withLocation(Locations.of(handler));
        boolean cancelOnFailure = false;
        if (!settings.isnil()) {
            LuaValue ignore = settings.get("ignore_cancelled");
            LuaValue receive = settings.get("receive_cancelled");
            if ((!ignore.isnil() && !ignore.toboolean()) || receive.toboolean()) {
                options = options.withReceiveCancelled();
            }
            cancelOnFailure = settings.get("cancel_on_failure").toboolean();
        }
        context.service(EventBus.class, "mc.on").subscribe(name, options,
                new LuaEventHandler(context.script(), handler, options.priority(), cancelOnFailure, context.log()));
        return LuaValue.NONE;
    }

    private static EventPriority priority(LuaValue priority) {
        if (priority.isnil()) {
            return EventPriority.NORMAL;
        }
        try {
            return EventPriority.valueOf(priority.checkjstring().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LuaError("unknown priority '" + priority.tojstring()
                    + "': use LOWEST, LOW, NORMAL, HIGH, HIGHEST or MONITOR");
        }
    }

    private static LuaValue registerCommand(ResourceContext context, Varargs args) {
        String name = args.checkjstring(1);
        LuaTable spec = args.checktable(2);
        LuaValue execute = context.hold(spec.get("execute").checkfunction());
        var script = context.script();
        var definition = CommandDefinition.of(name, (sender, words) -> {
            var list = new LuaTable();
            words.forEach(word -> list.insert(0, LuaValue.valueOf(word)));
            script.call(Budget.CALL, execute, LuaValue.varargsOf(PlayerType.sender(sender), list));
        }).withDescription(spec.get("description").optjstring(""));
        if (!spec.get("usage").isnil()) {
            definition = definition.withUsage(spec.get("usage").checkjstring());
        }
        if (!spec.get("permission").isnil()) {
            definition = definition.withPermission(spec.get("permission").checkjstring());
        }
        context.service(Commands.class, "mc.register_command").register(definition);
        return LuaValue.NONE;
    }

    private static LuaTable config(ResourceContext context) {
        var config = new LuaTable();
        config.rawset("get", LuaFunctions.of(args -> {
            String file = args.optjstring(1, DEFAULT_CONFIG);
            return context.service(ConfigStore.class, "mc.config.get").loadValues(file)
                    .map(PlainValues::toLua).orElse(LuaValue.NIL);
        }));
        config.rawset("save", LuaFunctions.of(args -> {
            boolean named = args.arg1().isstring();
            String file = named ? args.checkjstring(1) : DEFAULT_CONFIG;
            var values = PlainValues.toMap(args.arg(named ? 2 : 1), context.values("the value of mc.config.save"),
                    "the value of mc.config.save");
            context.service(ConfigStore.class, "mc.config.save").save(file, values);
            return LuaValue.NONE;
        }));
        return config;
    }

    private static LuaTable log(ResourceContext context) {
        var log = new LuaTable();
        log.rawset("info", LuaFunctions.of(args -> {
            context.log().info(text(args));
            return LuaValue.NONE;
        }));
        log.rawset("warn", LuaFunctions.of(args -> {
            context.log().warn(text(args));
            return LuaValue.NONE;
        }));
        log.rawset("error", LuaFunctions.of(args -> {
            context.log().error(text(args));
            return LuaValue.NONE;
        }));
        return log;
    }

    private static String text(Varargs args) {
        var text = new StringBuilder();
        for (int i = 1; i <= args.narg(); i++) {
            text.append(i > 1 ? " " : "").append(args.arg(i).tojstring());
        }
        return text.toString();
    }

}
