package dev.plinth.lang.js.internal.engine;

import java.util.Objects;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Where and why JavaScript code failed, as users read it: {@code welcome: main.js:12: TypeError: x is undefined}.
 *
 * @param resource the resource
 * @param file the file relative to the resource ({@code server/index.js}), empty when unknown
 * @param line the line in it, 0 when unknown
 * @param message the error without its location
 * @param stack the JavaScript stack, one frame per line, empty when unknown
 */
public record JsFailure(String resource, String file, int line, String message, String stack) {

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
        var stack = new StringBuilder();
        for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                SourceSection at = frame.getSourceLocation();
                String shown = ModuleFileSystem.displayName(at.getSource().getPath(), at.getSource().getName());
                stack.append(stack.isEmpty() ? "" : "\n").append("    at ").append(frame.getRootName().isEmpty()
                        ? "<module>" : frame.getRootName()).append(" (").append(shown).append(':')
                        .append(lines.original(shown, at.isAvailable() ? at.getStartLine() : 0)).append(')');
            }
        }
        String message = String.valueOf(error.getMessage()).replace(" from " + ModuleFileSystem.OWN, " from ")
                .replace("Error reading module 'null' imported", "Error reading a module imported");
        return new JsFailure(resource, file, line, message, stack.toString());
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
