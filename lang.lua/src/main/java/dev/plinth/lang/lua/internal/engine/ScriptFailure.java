package dev.plinth.lang.lua.internal.engine;

import dev.plinth.core.sandbox.host.ScriptLog;
import dev.plinth.lang.lua.internal.diagnostics.ErrorNames;
import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;

/**
 * Where and why Lua code failed, as users read it: {@code welcome: main.lua:12: attempt to index a nil value}.
 *
 * @param resource the resource
 * @param file the Lua file, empty when unknown
 * @param line the line in it, 0 when unknown
 * @param message the error without its location
 * @param traceback the Lua call stack ({@code stack traceback:} and one line per frame), empty when unknown
 */
public record ScriptFailure(String resource, String file, int line, String message, String traceback) {

    private static final String TRACEBACK = "\nstack traceback:";
    private static final Pattern LOCATION = Pattern.compile("([^\\s:]+\\.lua):(\\d+):? (.*)", Pattern.DOTALL);

    /**
     * Validates the components; the message, which the script may have written ({@code error("...")}), is made one
     * line with its control characters escaped, so it cannot forge console lines wherever it is shown.
     */
    public ScriptFailure {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(file, "file");
        message = ScriptLog.oneLine(Objects.requireNonNull(message, "message"));
        Objects.requireNonNull(traceback, "traceback");
    }

    /**
     * Reads a LuaJ error: the interpreter puts {@code file:line} in front of the message and appends the traceback;
     * compiled code leaves both to the JVM stack frames of the Lua classes.
     *
     * @param resource the resource whose code failed
     * @param error the error
     * @return the failure
     */
    public static ScriptFailure of(String resource, Throwable error) {
        return of(resource, error, file -> Optional.empty());
    }

    /**
     * Reads a LuaJ error as {@link #of(String, Throwable)} does; a fault LuaJ raised in compiled code (indexing,
     * calling or computing with a value that cannot be) is said as PUC Lua says it, with the variable named when the
     * failing line leaves one candidate ({@link ErrorNames#compiled}). The interpreter's errors are named already.
     *
     * @param resource the resource whose code failed
     * @param error the error
     * @param chunks a file's parsed chunk, parsed when this asks for it (only for a fault in compiled code)
     * @return the failure
     */
    public static ScriptFailure of(String resource, Throwable error, Function<String, Optional<Prototype>> chunks) {
        String text = error instanceof LuaError ? String.valueOf(error.getMessage()) : String.valueOf(error);
        String traceback = "";
        int cut = text.indexOf(TRACEBACK);
        if (cut >= 0) {
            traceback = text.substring(cut + 1);
            text = text.substring(0, cut);
        }
        var located = LOCATION.matcher(text);
        if (located.matches()) {
            return new ScriptFailure(resource, located.group(1), Integer.parseInt(located.group(2)),
                    located.group(3), traceback.isEmpty() ? compiledTraceback(error) : traceback);
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (LuaJcCompiler.isLuaFrame(frame)) {
                String file = String.valueOf(frame.getFileName());
                return new ScriptFailure(resource, file, frame.getLineNumber(),
                        compiled(error, text, chunks, file, frame.getLineNumber()),
                        traceback.isEmpty() ? compiledTraceback(error) : traceback);
            }
        }
        return new ScriptFailure(resource, "", 0, text, traceback);
    }

    /**
     * The message without the traceback, as {@code pcall} returns it.
     *
     * @param error the error
     * @return {@code main.lua:12 attempt to...}, the way LuaJ places the location
     */
    public static String messageOf(LuaError error) {
        String text = String.valueOf(error.getMessage());
        int cut = text.indexOf(TRACEBACK);
        return cut >= 0 ? text.substring(0, cut) : text;
    }

    /**
     * The message without the traceback, as {@code pcall} returns it; a fault LuaJ raised in compiled code, which has
     * no location, gets {@code file:line:} and is said as PUC Lua says it ({@link ErrorNames#compiled}).
     *
     * @param error the error
     * @param chunks a file's parsed chunk, parsed when this asks for it (only for a fault in compiled code)
     * @return {@code main.lua:12: attempt to index a nil value (local 'cfg')}, or as {@link #messageOf(LuaError)}
     */
    public static String messageOf(LuaError error, Function<String, Optional<Prototype>> chunks) {
        String text = messageOf(error);
        if (LOCATION.matcher(text).matches()) {
            return text;
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (LuaJcCompiler.isLuaFrame(frame)) {
                String file = String.valueOf(frame.getFileName());
                String named = compiled(error, text, chunks, file, frame.getLineNumber());
                return named.equals(text) ? text : file + ":" + frame.getLineNumber() + ": " + named;
            }
        }
        return text;
    }

    private static String compiled(Throwable error, String text, Function<String, Optional<Prototype>> chunks,
            String file, int line) {
        return ErrorNames.compiled(error, text, chunks.apply(file).orElse(null), line);
    }

    /**
     * This failure with another message.
     *
     * @param message the new message, without the location
     * @return the failure
     */
    public ScriptFailure withMessage(String message) {
        return new ScriptFailure(resource, file, line, message, traceback);
    }

    /**
     * The location as {@code file:line}.
     *
     * @return the location, or {@code ?} when unknown
     */
    public String location() {
        return file.isEmpty() ? "?" : file + ":" + line;
    }

    @Override
    public String toString() {
        return resource + ": " + (file.isEmpty() ? "" : location() + ": ") + message;
    }

    private static String compiledTraceback(Throwable error) {
        var text = new StringBuilder();
        for (StackTraceElement frame : error.getStackTrace()) {
            if (LuaJcCompiler.isLuaFrame(frame)) {
                text.append(text.isEmpty() ? "stack traceback:" : "").append("\n\t").append(frame.getFileName())
                        .append(':').append(frame.getLineNumber()).append(": in compiled function");
            }
        }
        return text.toString();
    }
}
