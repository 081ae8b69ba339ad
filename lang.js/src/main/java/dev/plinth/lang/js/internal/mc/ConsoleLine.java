package dev.plinth.lang.js.internal.mc;

import org.graalvm.polyglot.Value;

/**
 * One console line from script values: joined by spaces, at most {@value #MAX_LENGTH} characters, control
 * characters (line breaks, escape codes) written as {@code \n}, {@code \u001b}, so a script cannot forge log lines
 * or drive the operator's terminal.
 */
public final class ConsoleLine {

    /** The longest line a script writes. */
    public static final int MAX_LENGTH = 8192;

    private ConsoleLine() {}

    /**
     * Joins values as {@code console.log} shows them.
     *
     * @param args the values
     * @return the line
     */
    public static String join(Value[] args) {
        var text = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            text.append(i > 0 ? " " : "").append(args[i].isString() ? args[i].asString() : args[i].toString());
        }
        return escape(text.toString());
    }

    /**
     * Escapes a text into one safe line.
     *
     * @param text the text
     * @return the line
     */
    public static String escape(String text) {
        var line = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && line.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (line.length() >= MAX_LENGTH) {
            line.append("... (cut)");
        }
        return line.toString();
    }
}
