package dev.plinth.ops.internal.resmon;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code resource:top [-w] [-n SECONDS]}: what each running resource costs, slowest first, like FiveM's
 * {@code resmon}. With {@code -w} the table is printed again every second until a key is pressed (at a terminal) or
 * for {@code -n} seconds (piped input has no key to press, so it needs {@code -n}).
 *
 * <p>Runs on the shell's thread; {@code -w} holds it while it refreshes.
 */
@Component(service = TopCommand.class, property = {"osgi.command.scope=resource", "osgi.command.function=top"})
public final class TopCommand {

    static final int MAX_SECONDS = 3600;
    private static final String USAGE = "usage: resource:top [-w] [-n SECONDS] (-w refreshes every second until a "
            + "key is pressed, or for SECONDS (1 to " + MAX_SECONDS + ") when the input is not a terminal)";

    private final ResourceMonitor monitor;
    private final boolean interactive;

    /**
     * Creates the command.
     *
     * @param context for the console mode ({@code plinth.console.mode}: {@code interactive} at a terminal)
     * @param monitor the per-resource costs
     */
    @Activate
    public TopCommand(BundleContext context, @Reference ResourceMonitor monitor) {
        this.monitor = monitor;
        this.interactive = "interactive".equals(context.getProperty("plinth.console.mode"));
    }

    /**
     * {@code resource:top}.
     *
     * @param session the shell session, to print and read keys
     * @param watch whether to refresh every second
     * @param seconds for how long to refresh, 0 until a key is pressed
     * @return the table, or nothing when it was printed while watching
     * @throws IllegalArgumentException for a bad {@code -n}, or {@code -w} without {@code -n} on piped input
     * @throws InterruptedException when the shell is stopped while watching
     */
    @Descriptor("what each running resource costs, slowest first: ms per tick (mean and max of the last 100 ticks), "
            + "share of the tick, calls, work, memory, offences")
    public String top(CommandSession session,
            @Descriptor("refresh every second") @Parameter(names = {"-w", "--watch"}, presentValue = "true",
                    absentValue = "false") boolean watch,
            @Descriptor("refresh for this many seconds") @Parameter(names = {"-n"}, absentValue = "0") int seconds)
            throws InterruptedException {
        if (seconds < 0 || seconds > MAX_SECONDS || seconds > 0 && !watch) {
            throw new IllegalArgumentException(USAGE);
        }
        if (!watch) {
            return table();
        }
        if (seconds == 0 && !interactive) {
            throw new IllegalArgumentException("the input is not a terminal: give -n SECONDS; " + USAGE);
        }
        PrintStream out = session.getConsole();
        InputStream keys = session.getKeyboard();
        for (int shown = 0; seconds == 0 || shown < seconds; shown++) {
            out.println((interactive ? "\033[H\033[2J" : "") + table());
            out.flush();
            for (int waited = 0; waited < 10; waited++) {
                if (seconds == 0 && keyPressed(keys)) {
                    return null;
                }
                Thread.sleep(100);
            }
        }
        return null;
    }

    private String table() {
        return TopTable.format(monitor.costs(), monitor.lastTick());
    }

    private static boolean keyPressed(InputStream keys) {
        try {
            if (keys.available() > 0) {
                keys.read();
                return true;
            }
            return false;
        } catch (IOException e) {
            return true; // no keyboard any more: stop watching
        }
    }
}
