package dev.plinth.lang.lua.internal.engine;

import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import dev.plinth.core.sandbox.host.ScriptLog;
import java.util.Objects;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;

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
                return new ScriptFailure(resource, String.valueOf(frame.getFileName()), frame.getLineNumber(), text,
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
