package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.EventPriority;
import dev.plinth.lang.lua.internal.binding.HostType;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import dev.plinth.lang.lua.internal.engine.ScriptException;
import dev.plinth.lang.lua.internal.engine.ScriptLimitException;
import org.luaj.vm2.LuaValue;

/**
 * A Lua function subscribed to the event bus ({@code mc.on}): each event is wrapped in its Lua view (read-only for
 * MONITOR handlers) and passed to the function through the resource's metered {@link LuaScript#call}. A failure
 * is thrown to the bus, which logs it with the handler's location and counts it. A handler that asked for it
 * ({@code cancel_on_failure}) cancels a cancellable event it failed on, so a filter that runs out of budget fails
 * closed; an event a handler missed because it broke a limit is counted in the resource's account and said in its
 * log.
 *
 * <p>Called on the posting thread.
 */
public final class LuaEventHandler implements EventHandler<Event> {

    private final LuaScript script;
    private final LuaValue function;
    private final HostType<Event> view;
    private final boolean cancelOnFailure;
    private final ScriptLog log;

    /**
     * Creates the handler.
     *
     * @param script the resource's state
     * @param function the Lua handler
     * @param priority its priority: MONITOR handlers see the event read-only
     * @param cancelOnFailure whether a failure of the handler cancels the event (not for MONITOR handlers)
     * @param log the resource's log, where missed events are said
     */
    public LuaEventHandler(LuaScript script, LuaValue function, EventPriority priority, boolean cancelOnFailure,
            ScriptLog log) {
        this.script = script;
        this.function = function;
        this.view = priority == EventPriority.MONITOR ? EventType.READ_ONLY : EventType.MUTABLE;
        this.cancelOnFailure = cancelOnFailure && priority != EventPriority.MONITOR;
        this.log = log;
    }

    @Override
    public void handle(Event event) {
        try {
            script.call(Budget.CALL, function, luaView(event));
        } catch (ScriptException failure) {
            boolean cancelled = cancelOnFailure && event instanceof Cancellable cancellable && cancel(cancellable);
            if (failure instanceof ScriptLimitException limit) {
                script.account().missed(event.name());
                log.warn(script.resource() + " missed event '" + event.name() + "': " + limit.limit().description()
                        + " exceeded" + (cancelled ? "; the event was cancelled (cancel_on_failure)"
                                : "; the event went on without it"));
            }
            throw failure;
        }
    }

    private static boolean cancel(Cancellable event) {
        event.setCancelled(true);
        return true;
    }

    /**
     * The event as this handler's function receives it.
     *
     * @param event the event
     * @return its Lua view
     */
    public LuaValue luaView(Event event) {
        return view.wrap(event);
    }
}
