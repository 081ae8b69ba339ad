package dev.plinth.lang.lua.internal.reload;

import dev.plinth.core.runtime.reload.ReloadHooks;
import dev.plinth.core.runtime.reload.ReloadHooksRegistration;
import dev.plinth.core.runtime.reload.ReloadState;
import dev.plinth.lang.lua.internal.binding.LuaFunctions;
import dev.plinth.lang.lua.internal.binding.PlainValues;
import dev.plinth.lang.lua.internal.binding.ResourceContext;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import java.util.Optional;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A Lua resource's part in a hot reload: the functions it registers with {@code mc.on_reload_save(fn)} (returns the
 * state to hand over: a table, a string, a number, a boolean), {@code mc.on_reload_restore(fn(state))},
 * {@code mc.on_reload(fn)} and {@code mc.on_dependency_reload(fn(name))}, each called by the resource manager through
 * the {@link ReloadHooks} service registered for the resource once it started. A function registered again replaces
 * the previous one. The state travels as JSON: tables with string keys come back with string keys, arrays as arrays.
 *
 * <p>Each hook runs as a start does: within the instruction budget and the wall-clock bound of a start. Called on the
 * game thread.
 */
public final class LuaReloadHooks implements ReloadHooks {

    private final ResourceContext context;
    private volatile LuaValue save = LuaValue.NIL;
    private volatile LuaValue restore = LuaValue.NIL;
    private volatile LuaValue reload = LuaValue.NIL;
    private volatile LuaValue dependencyReload = LuaValue.NIL;
    private volatile ReloadHooksRegistration registration = ReloadHooksRegistration.none();

    private LuaReloadHooks(ResourceContext context) {
        this.context = context;
    }

    /**
     * Adds the reload functions to a resource's {@code mc} table.
     *
     * @param context the resource, whose globals hold {@code mc}
     * @return the resource's hooks, registered once it started ({@link #register})
     */
    public static LuaReloadHooks install(ResourceContext context) {
        var hooks = new LuaReloadHooks(context);
        LuaValue mc = context.script().globals().get("mc");
        if (mc instanceof LuaTable table) {
            table.rawset("on_reload_save", LuaFunctions.of(args -> {
                hooks.save = args.checkfunction(1);
                return LuaValue.NONE;
            }));
            table.rawset("on_reload_restore", LuaFunctions.of(args -> {
                hooks.restore = args.checkfunction(1);
                return LuaValue.NONE;
            }));
            table.rawset("on_reload", LuaFunctions.of(args -> {
                hooks.reload = args.checkfunction(1);
                return LuaValue.NONE;
            }));
            table.rawset("on_dependency_reload", LuaFunctions.of(args -> {
                hooks.dependencyReload = args.checkfunction(1);
                return LuaValue.NONE;
            }));
        }
        return hooks;
    }

    /** Registers the hooks through the resource bundle's context: the resource has started. */
    public void register() {
        registration = ReloadHooksRegistration.offer(context.bundle(), context.name(), this);
    }

    /** Withdraws the hooks: the resource is stopping. */
    public void unregister() {
        registration.withdraw();
    }

    @Override
    public Optional<ReloadState> saveState(int maxBytes) {
        LuaValue function = save;
        if (function.isnil()) {
            return Optional.empty();
        }
        LuaValue state = call("mc.on_reload_save", function, LuaValue.NONE).arg1();
        if (state.isnil()) {
            return Optional.empty();
        }
        Object value;
        try {
            value = PlainValues.toJava(state, context.values("the state of mc.on_reload_save"),
                    "the state of mc.on_reload_save");
        } catch (LuaError e) {
            throw new IllegalStateException(context.name() + ": " + e.getMessage(), e);
        }
        return Optional.of(ReloadState.of(context.name(), value, maxBytes));
    }

    @Override
    public void restoreState(ReloadState state) {
        LuaValue function = restore;
        if (!function.isnil()) {
            call("mc.on_reload_restore", function, PlainValues.toLua(state.value()));
        }
    }

    @Override
    public void onReload() {
        LuaValue function = reload;
        if (!function.isnil()) {
            call("mc.on_reload", function, LuaValue.NONE);
        }
    }

    @Override
    public void onDependencyReload(String dependency) {
        LuaValue function = dependencyReload;
        if (!function.isnil()) {
            call("mc.on_dependency_reload", function, LuaValue.valueOf(dependency));
        }
    }

    private Varargs call(String hook, LuaValue function, Varargs args) {
        try {
            return context.script().call(Budget.START, function, args);
        } catch (ScriptException e) {
            context.log().error(hook + " failed: " + e.report());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
