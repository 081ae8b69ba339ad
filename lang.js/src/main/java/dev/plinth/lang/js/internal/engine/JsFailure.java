package dev.plinth.lang.js.internal.engine;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Where and why JavaScript code failed, as users read it: {@code welcome: main.js:12: TypeError: x is undefined}.
 *
 * @param resource the resource
 * @param file the file relative to the resource ({@code server/index.js}), empty when unknown
 * @param line the line in it, 0 when unknown
 * @param message the error without its location, one line
 * @param stack the JavaScript stack, one frame per line; for a syntax error, the line and a caret under where the
 *     parser stopped; empty when unknown
 */
public record JsFailure(String resource, String file, int line, String message, String stack) {

    /**
     * GraalJS's syntax error: {@code SyntaxError: main.js:3:10 Expected an operand but found =}, then the line and a
     * caret, then the same for each further error it found.
     */
    private static final Pattern SYNTAX = Pattern.compile(
            "SyntaxError: \\S+:\\d+:\\d+ ([^\\n]*)(?:\\n([^\\n]*)\\n([^\\n]*))?.*", Pattern.DOTALL);

    /** Validates the components. */
    public JsFailure {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stack, "stack");
    }

    /**
     * Reads a GraalJS error: the location is the innermost guest frame of the resource's own code.
     *
     * @param resource the resource whose code failed
     * @param error the error
     * @return the failure
     */
    public static JsFailure of(String resource, PolyglotException error) {
        return of(resource, error, SourceLines.AS_WRITTEN);
    }

    /**
     * Reads a GraalJS error of code that may have been compiled from TypeScript: the lines named are the original
     * ones.
     *
     * @param resource the resource whose code failed
     * @param error the error
     * @param lines where the lines of compiled modules lead back to
     * @return the failure
     */
    public static JsFailure of(String resource, PolyglotException error, SourceLines lines) {
        String file = "";
        int line = 0;
        SourceSection location = error.getSourceLocation();
        if (location == null || location.getSource() != null && location.getSource().isInternal()) {
            // thrown inside a host-supplied module (marked internal): the resource's frame that called it
            location = null;
            for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
                if (frame.isGuestFrame() && frame.getSourceLocation() != null
                        && !frame.getSourceLocation().getSource().isInternal()) {
                    location = frame.getSourceLocation();
                    break;
                }
            }
        }
        if (location != null && location.getSource() != null) {
            file = ModuleFileSystem.displayName(location.getSource().getPath(), location.getSource().getName());
            line = lines.original(file, location.isAvailable() ? location.getStartLine() : 0);
        }
        String message = String.valueOf(error.getMessage()).replace(" from " + ModuleFileSystem.OWN, " from ")
                .replace("Error reading module 'null' imported", "Error reading a module imported");
        Matcher syntax = SYNTAX.matcher(message);
        if (error.isSyntaxError() && syntax.matches()) {
            String excerpt = syntax.group(2) == null ? "" : "    " + syntax.group(2) + "\n    " + syntax.group(3);
            return new JsFailure(resource, file, line, "SyntaxError: " + syntax.group(1), excerpt);
        }
        var stack = new StringBuilder();
        for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                SourceSection at = frame.getSourceLocation();
                String shown = ModuleFileSystem.displayName(at.getSource().getPath(), at.getSource().getName());
                stack.append(stack.isEmpty() ? "" : "\n").append("    at ").append(function(frame)).append(" (")
                        .append(shown).append(':')
                        .append(lines.original(shown, at.isAvailable() ? at.getStartLine() : 0)).append(')');
            }
        }
        return new JsFailure(resource, file, line, message, stack.toString());
    }

    /** A frame's function as a stack shows it: a module's own code (GraalJS's {@code :module:eval}) as a module. */
    private static String function(PolyglotException.StackFrame frame) {
        String name = frame.getRootName();
        return name.isEmpty() || name.startsWith(":") ? "<module>" : name;
    }

    /**
     * The location as {@code file:line}.
     *
     * @return the location, or {@code ?} when unknown
     */
    public String location() {
        return file.isEmpty() ? "?" : file + ":" + line;
    }

    /** {@return {@code resource: file:line: message}, the line users see} */
    @Override
    public String toString() {
        return resource + ": " + (file.isEmpty() ? "" : location() + ": ") + message;
    }
}
