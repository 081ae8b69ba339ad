package dev.plinth.lang.js.internal.embed;

import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.core.sandbox.script.HostFunction;
import dev.plinth.core.sandbox.script.ScriptFunction;
import dev.plinth.core.sandbox.script.ScriptResults;
import dev.plinth.core.sandbox.script.ScriptRunException;
import dev.plinth.core.sandbox.values.ValueBudget;
import dev.plinth.lang.js.internal.binding.PlainValues;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsException;
import dev.plinth.lang.js.internal.engine.JsFailure;
import dev.plinth.lang.js.internal.engine.JsScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * The values crossing between an embedded JavaScript context and its host: a {@link HostFunction} becomes a function
 * whose arguments are plain values (a function argument a {@link ScriptFunction}), a map an object of members,
 * several results ({@link ScriptResults}) an array ({@code const [ok, err] = Resource.MarkReady("hud")}, as the
 * JavaScript host's own MTADM API returns them); what the script exports or returns becomes plain values again, its
 * functions {@link ScriptFunction}s. Every value leaving the script is bounded by the sandbox's value limits. A
 * function that returns a promise (an {@code async} handler) returns nothing to {@link ScriptFunction#call}: the
 * promise runs on (its awaits resume on the host's loop, its timers), and its rejection is logged with the script's
 * file and line; {@link ScriptFunction#callSettled} gives the host the promise's end instead (a mod's {@code async}
 * hook, which the host waits for).
 *
 * <p>Thread-safe. Convert script values inside a call of the context.
 */
final class EmbeddedValues {

    private final JsScript script;
    private final Function<JsException, ScriptRunException> failure;
    private final ScriptLog log;

    EmbeddedValues(JsScript script, Function<JsException, ScriptRunException> failure, ScriptLog log) {
        this.script = script;
        this.failure = failure;
        this.log = log;
    }

    /** A host value as the script sees it. */
    @Nullable Object toScript(String name, @Nullable Object value) {
        return switch (value) {
            case HostFunction function -> hostFunction(name, function);
            case ScriptResults results -> ProxyArray.fromList(new ArrayList<>(results.values().stream()
                    .map(result -> toScript(name, result)).toList()));
            case Map<?, ?> map -> {
                var members = new LinkedHashMap<String, Object>();
                map.forEach((key, member) -> members.put(String.valueOf(key), toScript(name + "." + key, member)));
                yield ProxyObject.fromMap(members);
            }
            case null, default -> PlainValues.toScript(value);
        };
    }

    /**
     * What the script exported or returned, as plain values: a function, or the functions of an object (a module's
     * exports), as handles.
     */
    @Nullable Object fromScript(Value value, String what) {
        if (value.canExecute()) {
            return function(value);
        }
        if (value.hasMembers() && !value.hasArrayElements() && hasFunctions(value)) {
            var members = new LinkedHashMap<String, @Nullable Object>();
            for (String key : value.getMemberKeys()) {
                Value member = value.getMember(key);
                members.put(key, member.canExecute() ? function(member)
                        : PlainValues.toJava(member, budget(what), what + "." + key));
            }
            return members;
        }
        return PlainValues.toJava(value, budget(what), what);
    }

    /** A function of the script, for the host to call later with the call budget. */
    ScriptFunction function(Value function) {
        return new ScriptFunction() {
            @Override
            public @Nullable Object call(List<?> args) {
                return calling(() -> script.call(Budget.CALL, context -> returned(function.execute(toScript(args)))));
            }

            @Override
            public CompletionStage<@Nullable Object> callSettled(List<?> args) {
                var settled = new CompletableFuture<@Nullable Object>();
                calling(() -> script.call(Budget.CALL, context -> {
                    settle(function.execute(toScript(args)), settled);
                    return null;
                }));
                return settled;
            }
        };
    }

    private static Object[] toScript(List<?> args) {
        return args.stream().map(PlainValues::toScript).toArray();
    }

    /** Runs a call into the script, its failures as the host's. */
    private @Nullable Object calling(Supplier<@Nullable Object> call) {
        try {
            return call.get();
        } catch (JsException e) {
            throw failure.apply(e);
        } catch (IllegalArgumentException e) {
            throw new ScriptRunException(script.resource(), script.resource() + ": " + e.getMessage(), false);
        }
    }

    /**
     * Completes a stage with what a function returned: at once, or when its promise settles (inside a later call of
     * the context: the one whose microtasks resolve it).
     */
    private void settle(Value result, CompletableFuture<@Nullable Object> settled) {
        if (!thenable(result)) {
            settled.complete(fromScript(result, "what a function returned"));
            return;
        }
        ProxyExecutable resolved = value -> {
            try {
                settled.complete(value.length == 0 ? null : fromScript(value[0], "what a promise resolved to"));
            } catch (IllegalArgumentException e) {
                settled.completeExceptionally(new ScriptRunException(script.resource(), script.resource() + ": "
                        + e.getMessage(), false));
            }
            return null;
        };
        ProxyExecutable rejected = reason -> {
            settled.completeExceptionally(new ScriptRunException(script.resource(),
                    located(reason.length > 0 ? reason[0] : null), false));
            return null;
        };
        result.invokeMember("then", resolved, rejected);
    }

    private static boolean thenable(Value result) {
        return result.hasMember("then") && result.getMember("then").canExecute();
    }

    /** What a function returned: a promise is left to run, its rejection logged; anything else as plain values. */
    private @Nullable Object returned(Value result) {
        if (thenable(result)) {
            ProxyExecutable rejected = reason -> {
                log.error("an async function failed: " + rejection(reason.length > 0 ? reason[0] : null));
                return null;
            };
            result.invokeMember("then", (ProxyExecutable) value -> null, rejected);
            return null;
        }
        return fromScript(result, "what a handler returned");
    }

    /** Why a promise was rejected, always naming the resource: {@code resource: file:line: message}. */
    private String located(@Nullable Value reason) {
        String why = rejection(reason);
        return why.startsWith(script.resource() + ": ") ? why : script.resource() + ": " + why;
    }

    /** Why a promise was rejected, where the script threw it: {@code resource: file:line: message}. */
    private String rejection(@Nullable Value reason) {
        if (reason == null) {
            return "rejected";
        }
        if (reason.isException()) {
            try {
                throw reason.throwException();
            } catch (PolyglotException e) {
                return JsFailure.of(script.resource(), e, script.lines()).toString();
            }
        }
        return reason.toString();
    }

    private ProxyExecutable hostFunction(String name, HostFunction function) {
        return args -> {
            var plain = new ArrayList<@Nullable Object>(args.length);
            for (int i = 0; i < args.length; i++) {
                String what = "argument " + (i + 1) + " of " + name;
                plain.add(args[i].canExecute() ? function(args[i]) : PlainValues.toJava(args[i], budget(what), what));
            }
            return toScript(name, function.call(plain));
        };
    }

    private ValueBudget budget(String what) {
        return script.limits().sandbox().values().budget(script.resource(), what, units -> { });
    }

    private static boolean hasFunctions(Value object) {
        for (String key : object.getMemberKeys()) {
            if (object.getMember(key).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
