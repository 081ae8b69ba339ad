package dev.plinth.lang.lua.internal.mc;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.EventPriority;
import dev.plinth.lang.lua.internal.binding.HostType;
import dev.plinth.lang.lua.internal.engine.Budget;
import dev.plinth.lang.lua.internal.engine.LuaScript;
import org.luaj.vm2.LuaValue;

/**
 * A Lua function subscribed to the event bus ({@code mc.on}): each event is wrapped in its Lua view (read-only for
 * MONITOR handlers) and passed to the function through the resource's metered {@link LuaScript#call}. A failure
 * is thrown to the bus, which logs it with the handler's location and counts it.
 *
 * <p>Called on the posting thread.
 */
public final class LuaEventHandler implements EventHandler<Event> {

    private final LuaScript script;
    private final LuaValue function;
    private final HostType<Event> view;

    /**
     * Creates the handler.
     *
     * @param script the resource's state
     * @param function the Lua handler
     * @param priority its priority: MONITOR handlers see the event read-only
     */
    public LuaEventHandler(LuaScript script, LuaValue function, EventPriority priority) {
        this.script = script;
        this.function = function;
        this.view = priority == EventPriority.MONITOR ? EventType.READ_ONLY : EventType.MUTABLE;
    }

    @Override
    public void handle(Event event) {
        script.call(Budget.CALL, function, luaView(event));
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
