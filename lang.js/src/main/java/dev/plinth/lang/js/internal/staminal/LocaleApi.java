package dev.plinth.lang.js.internal.staminal;

import dev.plinth.core.runtime.locale.Translations;
import dev.plinth.lang.js.internal.binding.Args;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.binding.ResourceScope;
import dev.plinth.lang.js.internal.mc.GameObjects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The {@code locale} global: {@code locale.get(id)}, {@code locale.get_with_args(id, {args})} (also
 * {@code getWithArgs}), {@code locale.for_player(player)} (also {@code forPlayer}) with the same methods in the
 * player's language, and {@code locale.language}. Backed by the resource's {@link Translations} service: its own
 * {@code locale/<language>/*.ftl}, its {@code en-US} fallback, the server's {@code locale/} folder, then {@code [id]}.
 */
public final class LocaleApi {

    private LocaleApi() {}

    /**
     * Builds {@code locale} for a resource.
     *
     * @param scope the resource
     * @return the object
     */
    public static ProxyObject create(ResourceScope scope) {
        return of(scope, () -> scope.service(Translations.class, "locale"));
    }

    private static ProxyObject of(ResourceScope scope, Supplier<Translations> translations) {
        var locale = new LinkedHashMap<String, Object>();
        locale.put("get", (ProxyExecutable) args -> translations.get().get(Args.string(args, 0, "locale.get")));
        ProxyExecutable withArgs = args -> translations.get().get(Args.string(args, 0, "locale.get_with_args"),
                arguments(scope, args));
        locale.put("get_with_args", withArgs);
        locale.put("getWithArgs", withArgs);
        ProxyExecutable forPlayer = args -> {
            Translations own = translations.get();
            Translations player = own.forPlayer(scope.objects().unwrap(GameObjects.PLAYER,
                    args.length > 0 ? args[0] : null, "locale.for_player"));
            return of(scope, () -> player);
        };
        locale.put("for_player", forPlayer);
        locale.put("forPlayer", forPlayer);
        locale.put("language", (ProxyExecutable) args -> translations.get().language());
        return ProxyObject.fromMap(locale);
    }

    private static Map<String, Object> arguments(ResourceScope scope, Value[] args) {
        return args.length > 1 ? PlainValues.toMap(args[1], scope.valueBudget("the arguments of locale.get_with_args"),
                "the arguments of locale.get_with_args") : Map.of();
    }
}
