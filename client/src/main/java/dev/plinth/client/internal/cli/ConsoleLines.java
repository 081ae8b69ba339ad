package dev.plinth.client.internal.cli;

import java.io.PrintStream;

/**
 * What {@code bin/plinth-client} prints: lines, where a line starting with {@code \r} is a progress bar drawn over the
 * last one (printed without a line end, so the next bar replaces it); the first ordinary line after a bar starts on a
 * line of its own, so the bar's last state stays visible above it.
 *
 * <p>Thread-safe: the client's thread and its downloads print through it.
 */
final class ConsoleLines {

    private final PrintStream out;
    private boolean barShown;

    /**
     * Prints to a stream.
     *
     * @param out standard output, usually
     */
    ConsoleLines(PrintStream out) {
        this.out = out;
    }

    /**
     * Prints a line, or draws a bar over the last one.
     *
     * @param line the line; starting with {@code \r}, a bar
     */
    synchronized void line(String line) {
        if (line.startsWith("\r")) {
            out.print(line);
            barShown = true;
        } else {
            if (barShown) {
                out.println();
                barShown = false;
            }
            out.println(line);
        }
        out.flush();
    }

    /**
     * Prints a prompt, without a line end.
     *
     * @param prompt the prompt
     */
    synchronized void prompt(String prompt) {
        out.print(prompt);
        out.flush();
    }
}
