package dev.plinth.lang.lua.internal.locale;

import dev.plinth.core.runtime.locale.Translations;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.mc.PlayerType;
import java.util.Map;
import java.util.function.Supplier;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The {@code locale} table of a Lua resource, the same API as JavaScript's: {@code locale.get(id)},
 * {@code locale.get_with_args(id, {name = "x"})}, {@code locale.for_player(player)} (a table with the same
 * functions in the player's language) and {@code locale.language()}. Backed by the resource's
 * {@link Translations} service (its {@code locale/<language>/*.ftl}, its {@code en-US}, the server's, then
 * {@code [id]}).
 */
public final class LocaleLibrary {

    private LocaleLibrary() {}

    /**
     * Installs {@code locale} into a resource's globals.
     *
     * @param context the resource
     */
    public static void install(ResourceContext context) {
        context.script().globals().rawset("locale", table(context,
                () -> context.service(Translations.class, "locale")));
    }

    private static LuaTable table(ResourceContext context, Supplier<Translations> translations) {
        var locale = new LuaTable();
        locale.rawset("get", LuaFunctions.of(all -> {
            Varargs args = withoutSelf(all);
            return LuaValue.valueOf(translations.get().get(args.checkjstring(1)));
        }));
        locale.rawset("get_with_args", LuaFunctions.of(all -> {
            Varargs args = withoutSelf(all);
            Map<String, Object> values = args.isnoneornil(2) ? Map.of()
                    : PlainValues.toMap(args.arg(2), context.values("the arguments of locale.get_with_args"),
                            "the arguments of locale.get_with_args");
            return LuaValue.valueOf(translations.get().get(args.checkjstring(1), values));
        }));
        locale.rawset("for_player", LuaFunctions.of(all -> {
            Player player = PlayerType.player(withoutSelf(all).arg1());
            Translations own = translations.get().forPlayer(player);
            return table(context, () -> own);
        }));
        locale.rawset("language", LuaFunctions.of(args -> LuaValue.valueOf(translations.get().language())));
        return locale;
    }

    /** Both {@code locale.get("id")} and {@code locale:get("id")} work: a leading table is the library itself. */
    private static Varargs withoutSelf(Varargs args) {
        return args.arg1().istable() ? args.subargs(2) : args;
    }
}
