package dev.plinth.core.events.internal;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.EventException;
import dev.plinth.core.events.EventPriority;
import dev.plinth.core.events.HandlerOptions;
import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.events.Subscription;
import dev.plinth.shell.CommandUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell commands of the event bus (scope {@code event}):
 * <ul>
 *   <li>{@code event:stats} — what every handler has cost, slowest total first (like FiveM's {@code resmon});
 *       {@code event:stats reset} starts the counts over;</li>
 *   <li>{@code event:post NAME [key=value ...]} — posts a named event, values read as numbers, booleans or
 *       strings ({@code event:post myplugin:ping count=3 loud=true who=alice});</li>
 *   <li>{@code event:listen NAME} / {@code event:unlisten NAME} — prints every event of that name as it happens
 *       (a MONITOR handler owned by the console), to trace what scripts and plugins post.</li>
 * </ul>
 * Events posted here have the source {@code console}.
 *
 * <p>Commands run on the shell's thread; the listeners print on the thread that posts.
 */
// Immediate: the shell gets and ungets a command service around each call, and the listeners must outlive it.
@Component(service = EventCommands.class, immediate = true, property = {"osgi.command.scope=event",
    "osgi.command.function=stats", "osgi.command.function=post", "osgi.command.function=listen",
    "osgi.command.function=unlisten"})
public final class EventCommands {

    private static final String SCOPE = "event";

    /** The owner name of what the console posts and listens to. */
    static final String CONSOLE = "console";
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    private final EventDispatcher dispatcher;
    private final Owner console;
    private final Map<String, Subscription> listening = new ConcurrentHashMap<>();

    /**
     * Creates the commands.
     *
     * @param dispatcher the dispatcher whose handlers they show and where they post
     */
    @Activate
    public EventCommands(@Reference EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.console = dispatcher.join(CONSOLE, null);
    }

    @Deactivate
    void close() {
        dispatcher.leave(console);
    }

    /**
     * {@code event:stats}: the handler table.
     *
     * @return the table
     */
    @Descriptor("what every event handler has cost, slowest total first: owner, event, location, priority, calls, "
            + "errors, times")
    public String stats() {
        return StatsTable.format(dispatcher.statistics(), dispatcher.timingRate());
    }

    /**
     * {@code event:stats reset}: starts every handler's counts over.
     *
     * @param action {@code reset}
     * @return what was done
     * @throws IllegalArgumentException for another action
     */
    @Descriptor("start the handler statistics over")
    public String stats(@Descriptor("reset") String action) {
        if (!action.equals("reset")) {
            throw new IllegalArgumentException("unknown action '" + action + "': use event:stats or event:stats reset");
        }
        dispatcher.resetStatistics();
        return "Event handler statistics reset.";
    }

    /**
     * {@code event:post NAME [key=value ...]}: posts a named event from the console.
     *
     * @param name the event name
     * @param values the payload, {@code key=value} each
     * @return what happened to the event
     * @throws EventException when the name is malformed
     * @throws IllegalArgumentException when a value is not {@code key=value}
     */
    @Descriptor("post a named event from the console; values are numbers, booleans or strings")
    public String post(@Descriptor("the event: myplugin:ping") String name,
            @Descriptor("the payload: count=3 loud=true who=alice") String... values) {
        NamedEvent event = NamedEvent.of(name, payload(values));
        int handlers = dispatcher.handlerCount(event);
        dispatcher.post(event, console, null);
        return "Posted " + event + " to " + handlers + (handlers == 1 ? " handler" : " handlers")
                + (event.isCancelled() ? "; it was cancelled." : ".");
    }

    /**
     * {@code event:listen NAME}: prints each event of this name from now on.
     *
     * @param name the event name
     * @return what was done
     * @throws EventException when the name is malformed
     */
    @Descriptor("print every event of that name as it happens, with its source, target and correlation id")
    public String listen(@Descriptor("the event: player_join, myplugin:ping") String name) {
        if (!NamedEvent.NAME.matcher(name).matches()) {
            throw new EventException("invalid event name '" + name + "': " + NamedEvent.NAME_RULE);
        }
        if (listening.containsKey(name)) {
            return "Already listening to " + name + ".";
        }
        var options = HandlerOptions.at(EventPriority.MONITOR).withLocation("event:listen");
        listening.put(name, dispatcher.subscribe(console, Registration.of(name, options, event -> {
            var envelope = dispatcher.currentEnvelope().orElseThrow();
            System.out.println("[event] " + envelope.name() + " " + event.payload() + " from " + envelope.source()
                    + envelope.target().map(t -> " to " + t).orElse("") + ", correlation " + envelope.correlationId()
                    + (event instanceof Cancellable c && c.isCancelled() ? ", cancelled" : ""));
        })));
        return "Listening to " + name + ": each event is printed as it happens.";
    }

    /**
     * {@code event:unlisten NAME}: stops printing events of this name.
     *
     * @param name the event name
     * @return what was done
     */
    @Descriptor("stop printing the events of that name")
    public String unlisten(@Descriptor("the event") String name) {
        Subscription subscription = listening.remove(name);
        if (subscription == null) {
            return "Not listening to " + name + ".";
        }
        subscription.close();
        return "Stopped listening to " + name + ".";
    }

    /** {@code key=value} arguments as a payload: integers, decimals, booleans, else strings. */
    /** Missing or wrong arguments: the usage. */
    public Object stats(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "stats");
    }

    /** Missing or wrong arguments: the usage. */
    public Object post(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "post");
    }

    /** Missing or wrong arguments: the usage. */
    public Object listen(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "listen");
    }

    /** Missing or wrong arguments: the usage. */
    public Object unlisten(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "unlisten");
    }

    static Map<String, Object> payload(String... values) {
        var payload = new LinkedHashMap<String, Object>();
        for (String pair : values) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, not '" + pair + "'");
            }
            payload.put(pair.substring(0, eq), value(pair.substring(eq + 1)));
        }
        return payload;
    }

    private static Object value(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.valueOf(text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.valueOf(text);
        }
        return text;
    }
}
