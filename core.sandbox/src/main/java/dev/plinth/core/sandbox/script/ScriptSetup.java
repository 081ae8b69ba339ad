package dev.plinth.core.sandbox.script;

import dev.plinth.core.sandbox.host.ScriptLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ScriptRuntime} is opened with. Build it with {@link #of} and the {@code with} methods.
 *
 * @param resource the script's resource name, for messages
 * @param account the name of its account in {@code Accounts} (unique among the accounts open at once:
 *     {@code alice/hud} for the resource {@code hud} of the client {@code alice})
 * @param files its files
 * @param log where {@code print} and the host's reports about it go
 * @param globals the API it sees, by global name: {@link HostFunction}s, tables (maps of names to members), plain
 *     values
 * @param ticks the current tick, for the per-tick budget
 * @param onFatal told once, with the reason, when the runtime is closed for breaking its limits for good; called on
 *     the thread of the failing call or the watchdog's, it must return quickly
 * @param imports what its {@code @id} imports reach; empty: none (JavaScript; Lua has no such imports)
 * @param timers the loop its timers run on; empty: {@code setTimeout} is refused (JavaScript; Lua has no timers)
 */
public record ScriptSetup(String resource, String account, ScriptSource files, ScriptLog log,
        Map<String, @Nullable Object> globals, LongSupplier ticks, Consumer<String> onFatal,
        Optional<ScriptImports> imports, Optional<ScriptTimers> timers) {

    /** Validates and copies the components. */
    public ScriptSetup {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(log, "log");
        globals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        Objects.requireNonNull(ticks, "ticks");
        Objects.requireNonNull(onFatal, "onFatal");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(timers, "timers");
    }

    /**
     * A setup with no API, its account named after the resource, tick 0 forever, nothing told on a fatal failure, no
     * {@code @id} imports and no timers.
     *
     * @param resource the script's resource name
     * @param files its files
     * @param log its log
     * @return the setup
     */
    public static ScriptSetup of(String resource, ScriptSource files, ScriptLog log) {
        return new ScriptSetup(resource, resource, files, log, Map.of(), () -> 0, reason -> { }, Optional.empty(),
                Optional.empty());
    }

    /**
     * The same setup with another account name.
     *
     * @param name the account's name
     * @return the new setup
     */
    public ScriptSetup withAccount(String name) {
        return new ScriptSetup(resource, name, files, log, globals, ticks, onFatal, imports, timers);
    }

    /**
     * The same setup with one more global.
     *
     * @param name the global's name
     * @param value a {@link HostFunction}, a map of members, or a plain value
     * @return the new setup
     */
    public ScriptSetup withGlobal(String name, @Nullable Object value) {
        var more = new LinkedHashMap<>(globals);
        more.put(name, value);
        return new ScriptSetup(resource, account, files, log, more, ticks, onFatal, imports, timers);
    }

    /**
     * The same setup with more globals.
     *
     * @param more the globals to add, by name
     * @return the new setup
     */
    public ScriptSetup withGlobals(Map<String, @Nullable Object> more) {
        var all = new LinkedHashMap<>(globals);
        all.putAll(more);
        return new ScriptSetup(resource, account, files, log, all, ticks, onFatal, imports, timers);
    }

    /**
     * The same setup with a tick clock.
     *
     * @param clock the current tick
     * @return the new setup
     */
    public ScriptSetup withTicks(LongSupplier clock) {
        return new ScriptSetup(resource, account, files, log, globals, clock, onFatal, imports, timers);
    }

    /**
     * The same setup with a fatal handler.
     *
     * @param handler told the reason once the runtime is closed for its limits
     * @return the new setup
     */
    public ScriptSetup onFatal(Consumer<String> handler) {
        return new ScriptSetup(resource, account, files, log, globals, ticks, handler, imports, timers);
    }

    /**
     * The same setup with {@code @id} imports.
     *
     * @param resolver what each {@code @id} reaches
     * @return the new setup
     */
    public ScriptSetup withImports(ScriptImports resolver) {
        return new ScriptSetup(resource, account, files, log, globals, ticks, onFatal, Optional.of(resolver), timers);
    }

    /**
     * The same setup with timers.
     *
     * @param loop the loop that runs them
     * @return the new setup
     */
    public ScriptSetup withTimers(ScriptTimers loop) {
        return new ScriptSetup(resource, account, files, log, globals, ticks, onFatal, imports, Optional.of(loop));
    }
}
