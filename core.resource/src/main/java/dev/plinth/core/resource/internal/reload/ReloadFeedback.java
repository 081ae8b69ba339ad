package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.events.EventBus;
import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.server.Server;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.osgi.service.log.Logger;

/**
 * Says what a hot reload did, everywhere it is watched: the console (the resource manager's log), the operators in
 * game (every online player holding {@value #PERMISSION}: {@code §a[reload] chat-demo 1.0.1 in 14 ms},
 * {@code §c[reload] chat-demo: main.lua:12: '=' expected — still running the previous version}), and the event bus
 * ({@code core:hotReload:start}, {@code core:hotReload:complete} with {@code resourceName} and {@code ms} (and the
 * {@code version} now running, {@code swapMs}, how long the game thread was held, and {@code swapPhasesMs}, that time
 * phase by phase: {@link SwapTimes}),
 * {@code core:hotReload:failed} with {@code resourceName} and {@code error}), the events of the seed's core resource.
 *
 * <p>Thread-safe: the in-game messages and the events are handed to the game thread (after the work under way
 * there); the console line is written on the calling thread.
 */
public final class ReloadFeedback {

    /** The permission of operators who reload resources in game, and who read how reloads went. */
    public static final String PERMISSION = "plinth.command.reload";
    /** Posted when a reload of a started resource begins. */
    public static final String START = "core:hotReload:start";
    /** Posted when the new version handles events. */
    public static final String COMPLETE = "core:hotReload:complete";
    /** Posted when a reload failed and the previous version keeps serving. */
    public static final String FAILED = "core:hotReload:failed";

    private final Logger log;
    private final Supplier<Optional<EventBus>> bus;
    private final Supplier<Optional<Server>> server;
    private final Supplier<Executor> gameThread;

    /**
     * Creates the feedback.
     *
     * @param log the console
     * @param bus the resource manager's view of the bus, when there is one
     * @param server the running server, when there is one
     * @param gameThread where the in-game messages and events are handed
     */
    public ReloadFeedback(Logger log, Supplier<Optional<EventBus>> bus, Supplier<Optional<Server>> server,
            Supplier<Executor> gameThread) {
        this.log = log;
        this.bus = bus;
        this.server = server;
        this.gameThread = gameThread;
    }

    /**
     * A reload begins.
     *
     * @param resource the resource
     */
    public void started(String resource) {
        later(() -> post(START, Map.of("resourceName", resource)));
    }

    /**
     * A reload is done: the new version handles events.
     *
     * @param resource the resource
     * @param version its new version
     * @param millis from the start of the reload to the new version handling events
     * @param swap how long the game thread was held by the swap, phase by phase
     * @param dependents the resources restarted with it
     * @return the line shown
     */
    public String completed(String resource, String version, long millis, SwapTimes swap, List<String> dependents) {
        String line = "[reload] " + resource + " " + version + " in " + millis + " ms"
                + (dependents.isEmpty() ? "" : " (with " + String.join(", ", dependents) + ")");
        log.info("{} ({} ms on the game thread)", line, String.format(Locale.ROOT, "%.1f", swap.total() / 1e6));
        later(() -> {
            post(COMPLETE, Map.of("resourceName", resource, "ms", millis, "version", version,
                    "swapMs", SwapTimes.rounded(swap.total()), "swapPhasesMs", swap.millis()));
            tellOperators("§a" + line);
        });
        return line;
    }

    /**
     * A reload failed; the previous version keeps serving (or, when putting it back failed too, the resource is in
     * error and the line says so).
     *
     * @param resource the resource
     * @param error why, naming the file and the line
     * @param previousServes whether the previous version still serves
     * @return the line shown
     */
    public String failed(String resource, String error, boolean previousServes) {
        String line = "[reload] " + (error.startsWith(resource + ":") ? error : resource + ": " + error)
                + (previousServes ? " — still running the previous version" : " — it is stopped in error");
        log.error("{}", line);
        later(() -> {
            post(FAILED, Map.of("resourceName", resource, "error", error));
            tellOperators("§c" + line);
        });
        return line;
    }

    private void post(String event, Map<String, Object> payload) {
        bus.get().ifPresent(b -> b.post(event, payload));
    }

    private void tellOperators(String message) {
        for (Player player : server.get().map(Server::onlinePlayers).orElse(List.of())) {
            if (player.hasPermission(PERMISSION)) {
                player.sendMessage(message);
            }
        }
    }

    private void later(Runnable work) {
        try {
            gameThread.get().execute(work);
        } catch (RejectedExecutionException e) {
            // the server is stopping: nobody is left to tell
        }
    }
}
