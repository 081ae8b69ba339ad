package dev.plinth.core.runtime.internal.shell;

import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.internal.command.CommandTable;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.tick.TickStatistics;
import dev.plinth.shell.CommandUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell scope {@code server}: tick statistics ({@code server:mspt}, {@code server:tps}) and the in-game
 * commands ({@code server:commands}).
 */
@Component(service = ServerShell.class, property = {
    "osgi.command.scope=server",
    "osgi.command.function=mspt", "osgi.command.function=tps", "osgi.command.function=commands"})
public final class ServerShell {

    private static final String SCOPE = "server";

    private final GameThread gameThread;
    private final CommandTable commands;

    /**
     * Creates the commands.
     *
     * @param gameThread the tick loop
     * @param commands the in-game commands
     */
    @Activate
    public ServerShell(@Reference GameThread gameThread, @Reference CommandTable commands) {
        this.gameThread = gameThread;
        this.commands = commands;
    }

    /**
     * {@code server:mspt}: milliseconds per tick, mean / 99th percentile / max, over the last 5 seconds and minute.
     *
     * @return the statistics
     */
    @Descriptor("milliseconds per tick: mean, p99 and max over the last 5 seconds and minute")
    public String mspt() {
        TickStatistics stats = gameThread.statistics();
        return String.join(System.lineSeparator(),
                header(stats),
                "window  ticks  mean ms   p99 ms   max ms",
                row("5s", stats.last5s()),
                row("1m", stats.last1m()),
                "budget " + TickStatistics.BUDGET_MS + " ms per tick; " + stats.overruns() + " tick(s) over budget so far");
    }

    /**
     * {@code server:tps}: ticks per second over the last 5 seconds and minute.
     *
     * @return the rates
     */
    @Descriptor("ticks per second over the last 5 seconds and minute")
    public String tps() {
        TickStatistics stats = gameThread.statistics();
        return header(stats) + System.lineSeparator() + String.format(Locale.ROOT, "TPS 5s %.2f, 1m %.2f (target 20)",
                stats.last5s().tps(), stats.last1m().tps());
    }

    /**
     * {@code server:commands}: the in-game commands, their owners and names.
     *
     * @return one line per command
     */
    @Descriptor("the in-game commands: the bare name each owns, /owner:name, description, permission")
    public String commands() {
        List<String> lines = new ArrayList<>();
        for (CommandInfo info : commands.list()) {
            lines.add(String.format(Locale.ROOT, "%-24s %-28s %s%s", (info.ownsName() ? "/" + info.name() : "-"),
                    "/" + info.qualifiedName(), info.description(),
                    info.permission().map(p -> " [" + p + "]").orElse("")));
        }
        return String.join(System.lineSeparator(), lines);
    }


    /** Missing or wrong arguments: the usage. */
    public Object mspt(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "mspt");
    }

    /** Missing or wrong arguments: the usage. */
    public Object tps(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "tps");
    }

    /** Missing or wrong arguments: the usage. */
    public Object commands(Object... wrong) {
        return CommandUsage.fail(SCOPE, this, "commands");
    }

    private static String header(TickStatistics stats) {
        return "tick " + stats.tick() + (stats.paused() ? " (paused: ticks run with sim:tick)" : "");
    }

    private static String row(String window, TickStatistics.Window w) {
        return String.format(Locale.ROOT, "%-6s %6d %8.3f %8.3f %8.3f", window, w.ticks(), w.meanMs(), w.p99Ms(),
                w.maxMs());
    }
}
