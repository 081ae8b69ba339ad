package dev.plinth.lang.js.internal.mc;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventHandler;
import dev.plinth.core.events.EventPriority;
import dev.plinth.lang.js.internal.binding.HostObjects;
import dev.plinth.lang.js.internal.engine.Budget;
import dev.plinth.lang.js.internal.engine.JsScript;
import org.graalvm.polyglot.Value;

/**
 * A script function subscribed to the event bus ({@code mc.on}): each event is wrapped in its script view
 * (read-only for MONITOR handlers) and passed to the function through the resource's bounded {@link JsScript#call}.
 * A failure is thrown to the bus, which logs it with the handler's location and counts it.
 *
 * <p>Called on the posting thread.
 */
public final class JsEventHandler implements EventHandler<Event> {

    private final JsScript script;
    private final Value function;
    private final boolean mutable;
    private final HostObjects objects;

    /**
     * Creates the handler.
     *
     * @param script the resource's context
     * @param function the handler function
     * @param priority its priority: MONITOR handlers see the event read-only
     * @param objects the resource's host objects
     */
    public JsEventHandler(JsScript script, Value function, EventPriority priority, HostObjects objects) {
        this.script = script;
        this.function = function;
        this.mutable = priority != EventPriority.MONITOR;
        this.objects = objects;
    }

    @Override
    public void handle(Event event) {
        script.run(Budget.CALL, function, new EventView(event, mutable, objects));
    }
}
