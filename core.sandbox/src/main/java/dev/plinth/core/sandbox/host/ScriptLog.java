package dev.plinth.core.sandbox.host;

import dev.plinth.core.sandbox.internal.host.ConsoleLine;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One resource's log, for what its script prints and logs and what its host reports about it. Each call is one
 * console line: line breaks, escape sequences and other control or format characters are shown escaped
 * (a line break as {@code \n}, the escape character as {@code \x1B}), so a script cannot forge other lines or drive the operator's terminal. Lines beyond
 * the resource's rate are dropped and counted; the next line that passes (or {@link #close()}) says how many were.
 * {@link #fatal} is never dropped.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface ScriptLog extends AutoCloseable {

    /**
     * A line the script printed ({@code print}), at INFO.
     *
     * @param line the text
     */
    void print(String line);

    /**
     * An INFO line.
     *
     * @param message the text
     */
    void info(String message);

    /**
     * A WARN line.
     *
     * @param message the text
     */
    void warn(String message);

    /**
     * An ERROR line, rate-limited like the others (a handler failing at every event is one source of floods).
     *
     * @param message the text
     */
    void error(String message);

    /**
     * An ERROR line that is never dropped: why the resource failed or is stopped.
     *
     * @param message the text
     */
    void fatal(String message);

    /**
     * How many lines were dropped so far.
     *
     * @return the count
     */
    long dropped();

    /** Reports the lines dropped since the last report. */
    @Override
    void close();

    /**
     * A log that hands every line to one consumer, escaped as {@link #oneLine} escapes it, and drops none: for
     * embedders that show a script's output their own way (and for tests). WARN and ERROR lines are handed over as
     * they are, without a level.
     *
     * @param lines the consumer; called on the thread of the script's call, it must be thread-safe
     * @return the log
     */
    static ScriptLog to(Consumer<String> lines) {
        return new ScriptLog() {
            @Override
            public void print(String line) {
                lines.accept(oneLine(line));
            }

            @Override
            public void info(String message) {
                print(message);
            }

            @Override
            public void warn(String message) {
                print(message);
            }

            @Override
            public void error(String message) {
                print(message);
            }

            @Override
            public void fatal(String message) {
                print(message);
            }

            @Override
            public long dropped() {
                return 0;
            }

            @Override
            public void close() {
                // nothing is dropped, so nothing to report
            }
        };
    }

    /**
     * Text from a script as one line, escaped the way this log writes it: for messages that reach the console or a
     * resource's last error by other ways (an error message the script raised, for example).
     *
     * @param text any text
     * @return the text with its control and format characters escaped
     */
    static String oneLine(String text) {
        return ConsoleLine.escape(text);
    }
}
