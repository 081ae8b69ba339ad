package dev.plinth.lang.lua.internal.diagnostics;

import dev.plinth.lang.lua.internal.luajc.LuaJcCompiler;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.lib.DebugLib;

/**
 * LuaJ's runtime errors in the words of PUC Lua 5.2+, with the variable named: {@code attempt to index ? (a nil value)}
 * becomes {@code attempt to index a nil value (global 'player')}, {@code attempt to call nil} becomes
 * {@code attempt to call a nil value (method 'send')}, and so for arithmetic, concatenation and {@code #}. The name
 * comes from LuaJ's own port of PUC Lua's symbolic execution ({@link DebugLib#getobjname}: {@code local}, {@code
 * global}, {@code field}, {@code upvalue}, {@code method}); what this adds is PUC Lua's {@code varinfo}: which operand
 * of the failing instruction the error is about. A value without a name keeps a plain text ({@code attempt to index a
 * nil value}); an error LuaJ did not raise itself ({@code error("...")}, a host function's) is left as it is.
 *
 * <p>Works only when an error is reported: the interpreter calls {@link #interpreted} once per error, from LuaJ's
 * {@code LuaClosure} (patched at build time by {@code src/build/PatchLuaJ.java}), where the failing instruction is
 * known; for code LuaJC compiled, which knows its line only, the host calls {@link #compiled}, which names the
 * variable when the instructions of that line leave one candidate. Stateless; thread-safe.
 */
public final class ErrorNames {

    private static final Pattern INDEX = Pattern.compile("attempt to index \\? \\(a (\\w+) value\\)");
    private static final Pattern INDEX_SET = Pattern.compile("index expected, got (\\w+)");
    private static final Pattern CALL = Pattern.compile("attempt to call (\\w+)");
    private static final Pattern ARITHMETIC =
            Pattern.compile("attempt to perform arithmetic (?:(__\\w+) )?on (\\w+)(?: and (\\w+))?");
    private static final Pattern CONCATENATE = Pattern.compile("attempt to concatenate (\\w+) and (\\w+)");
    private static final Pattern LENGTH = Pattern.compile("attempt to get length of (\\w+)");
    private static final String CORE = "org.luaj.vm2.";
    private static final Field NAME = nameWhat("name");
    private static final Field NAMEWHAT = nameWhat("namewhat");

    private ErrorNames() {}

    /**
     * The text of an error the interpreter has just placed ({@code main.lua:12 attempt to index ? (a nil value)} and
     * the traceback), with the fault said as PUC Lua says it: {@code main.lua:12: attempt to index a nil value (local
     * 'cfg')}. Called by LuaJ's {@code LuaClosure.processErrorHooks}, on the thread that ran the failing code.
     *
     * @param error the error, its location and traceback set
     * @param p the function that failed
     * @param pc the failing instruction
     * @return the error's new text, or its text unchanged when the fault is not one LuaJ raised itself
     */
    public static String interpreted(LuaError error, Prototype p, int pc) {
        String text = String.valueOf(error.getMessage());
        boolean known = p.lineinfo != null && pc >= 0 && pc < p.lineinfo.length;
        String location = (p.source != null ? p.source.tojstring() : "?") + ":"
                + (known ? String.valueOf(p.lineinfo[pc]) : "?");
        if (!text.startsWith(location + " ")) {
            return text;
        }
        int end = text.indexOf('\n');
        end = end < 0 ? text.length() : end;
        Fault fault = Fault.of(text.substring(location.length() + 1, end));
        if (fault == null || !raisedByLuaJ(error)) {
            return text;
        }
        String name = known && raisedByInstruction(error) ? fault.name(p, pc).orElse("") : "";
        return location + ": " + fault.text(name) + text.substring(end);
    }

    /**
     * The message of an error in code LuaJC compiled, with the fault said as PUC Lua says it. The variable is named
     * when the line's instructions that can raise this fault all name the same one (or there is one), else the text
     * names none: {@code attempt to index a nil value}.
     *
     * @param error the error
     * @param message its message, without location
     * @param chunk the parsed chunk of the file that failed, {@code null} when unknown (no name then)
     * @param line the line that failed
     * @return the new message, or the message unchanged when the fault is not one LuaJ raised itself
     */
    public static String compiled(Throwable error, String message, @Nullable Prototype chunk, int line) {
        Fault fault = Fault.of(message);
        if (fault == null || !raisedByLuaJ(error)) {
            return message;
        }
        var names = new HashSet<String>();
        if (chunk != null && raisedByInstruction(error)) {
            collect(fault, chunk, line, names);
        }
        return fault.text(names.size() == 1 ? names.iterator().next() : "");
    }

    private static void collect(Fault fault, Prototype p, int line, Set<String> names) {
        for (int pc = 0; p.lineinfo != null && pc < p.code.length && pc < p.lineinfo.length; pc++) {
            if (p.lineinfo[pc] == line && fault.raisedBy(p, pc)) {
                names.add(fault.name(p, pc).orElse(""));
            }
        }
        for (Prototype nested : p.p) {
            collect(fault, nested, line, names);
        }
    }

    /** Whether LuaJ's value operations threw the error (not a library, the host or {@code error()}). */
    private static boolean raisedByLuaJ(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        return frames.length > 0 && isCore(frames[0].getClassName());
    }

    /** Whether the Lua code's own instruction failed, not a function it called. */
    private static boolean raisedByInstruction(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (LuaJcCompiler.isLuaFrame(frame) || frame.getClassName().equals(LuaClosure.class.getName())) {
                return true;
            }
            if (!isCore(frame.getClassName())) {
                return false;
            }
        }
        return false;
    }

    private static boolean isCore(String className) {
        return className.startsWith(CORE) && className.indexOf('.', CORE.length()) < 0;
    }

    /** PUC Lua's {@code varinfo}: {@code  (local 'cfg')}, or nothing when the register has no name. */
    static Optional<String> varinfo(Prototype p, int pc, int register) {
        Object found = DebugLib.getobjname(p, pc, register);
        if (found == null) {
            return Optional.empty();
        }
        try {
            Object name = NAME.get(found);
            Object what = NAMEWHAT.get(found);
            return name == null || what == null || "?".equals(name) ? Optional.empty()
                    : Optional.of(" (" + what + " '" + name + "')");
        } catch (IllegalAccessException e) {
            throw new AssertionError("DebugLib.NameWhat was made accessible", e);
        }
    }

    private static Field nameWhat(String field) {
        try {
            Field f = Class.forName(DebugLib.class.getName() + "$NameWhat").getDeclaredField(field);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * One of LuaJ's fault messages, read.
     *
     * @param phrase what was attempted, PUC Lua's words ({@code attempt to index})
     * @param type the type of the value it failed on
     * @param opcodes the instructions that raise it
     * @param second whether the value is the second operand of a binary operation
     */
    private record Fault(String phrase, String type, Set<Integer> opcodes, boolean second) {

        static @Nullable Fault of(String message) {
            Matcher m;
            if ((m = INDEX.matcher(message)).matches()) {
                return new Fault("attempt to index", m.group(1),
                        Set.of(Lua.OP_GETTABLE, Lua.OP_SELF, Lua.OP_GETTABUP), false);
            }
            if ((m = INDEX_SET.matcher(message)).matches()) {
                return new Fault("attempt to index", m.group(1), Set.of(Lua.OP_SETTABLE, Lua.OP_SETTABUP), false);
            }
            if ((m = CALL.matcher(message)).matches()) {
                return new Fault("attempt to call", m.group(1), Set.of(Lua.OP_CALL, Lua.OP_TAILCALL), false);
            }
            if ((m = LENGTH.matcher(message)).matches()) {
                return new Fault("attempt to get length of", m.group(1), Set.of(Lua.OP_LEN), false);
            }
            if ((m = CONCATENATE.matcher(message)).matches()) {
                boolean second = isStringLike(m.group(1));
                return new Fault("attempt to concatenate", m.group(second ? 2 : 1), Set.of(Lua.OP_CONCAT), second);
            }
            if ((m = ARITHMETIC.matcher(message)).matches()) {
                if (m.group(3) == null) {
                    return new Fault("attempt to perform arithmetic on", m.group(2), Set.of(Lua.OP_UNM), false);
                }
                Integer opcode = arithmetic(m.group(1));
                boolean second = blamesSecond(m.group(2), m.group(3));
                return opcode == null ? null : new Fault("attempt to perform arithmetic on",
                        m.group(second ? 3 : 2), Set.of(opcode), second);
            }
            return null;
        }

        private static @Nullable Integer arithmetic(@Nullable String metamethod) {
            return switch (metamethod == null ? "" : metamethod) {
                case "__add" -> Lua.OP_ADD;
                case "__sub" -> Lua.OP_SUB;
                case "__mul" -> Lua.OP_MUL;
                case "__div" -> Lua.OP_DIV;
                case "__mod" -> Lua.OP_MOD;
                case "__pow" -> Lua.OP_POW;
                default -> null;
            };
        }

        /**
         * Whether PUC Lua blames the second operand: the first is a number, or a string (which may be one) beside a
         * value that is neither.
         */
        private static boolean blamesSecond(String first, String second) {
            if (!isStringLike(first)) {
                return false;
            }
            return !isStringLike(second) || first.equals("number");
        }

        private static boolean isStringLike(String type) {
            return type.equals("string") || type.equals("number");
        }

        /** The message: {@code attempt to index a nil value (global 'player')}. */
        String text(String name) {
            return phrase + " a " + type + " value" + name;
        }

        /**
         * Whether the instruction at {@code pc} can raise this fault: one of its opcodes, and not an access to the
         * globals ({@code _ENV}), which is never nil.
         */
        boolean raisedBy(Prototype p, int pc) {
            int i = p.code[pc];
            return switch (Lua.GET_OPCODE(i)) {
                case Lua.OP_GETTABUP -> opcodes.contains(Lua.OP_GETTABUP) && !isEnv(upvalue(p, Lua.GETARG_B(i)));
                case Lua.OP_SETTABUP -> opcodes.contains(Lua.OP_SETTABUP) && !isEnv(upvalue(p, Lua.GETARG_A(i)));
                default -> opcodes.contains(Lua.GET_OPCODE(i));
            };
        }

        private static boolean isEnv(@Nullable String upvalue) {
            return upvalue == null || upvalue.equals("_ENV");
        }

        private static @Nullable String upvalue(Prototype p, int index) {
            return index < p.upvalues.length && p.upvalues[index].name != null
                    ? p.upvalues[index].name.tojstring() : null;
        }

        /** The name of the value the instruction at {@code pc} failed on, when it is this fault's and has one. */
        Optional<String> name(Prototype p, int pc) {
            int i = p.code[pc];
            if (!raisedBy(p, pc)) {
                return Optional.empty();
            }
            int op = Lua.GET_OPCODE(i);
            if (op == Lua.OP_GETTABUP || op == Lua.OP_SETTABUP) {
                return Optional.ofNullable(upvalue(p, op == Lua.OP_GETTABUP ? Lua.GETARG_B(i) : Lua.GETARG_A(i)))
                        .map(name -> " (upvalue '" + name + "')");
            }
            int register = switch (op) {
                case Lua.OP_GETTABLE, Lua.OP_SELF, Lua.OP_UNM, Lua.OP_LEN -> Lua.GETARG_B(i);
                case Lua.OP_SETTABLE, Lua.OP_CALL, Lua.OP_TAILCALL -> Lua.GETARG_A(i);
                case Lua.OP_CONCAT -> second ? Lua.GETARG_C(i) : leftOperand(p, pc, Lua.GETARG_B(i), Lua.GETARG_C(i));
                default -> second ? Lua.GETARG_C(i) : Lua.GETARG_B(i);
            };
            return register < 0 || Lua.ISK(register) ? Optional.empty() : varinfo(p, pc, register);
        }

        /**
         * The operand of {@code R(b) .. ... .. R(c)} that is not a string: LuaJ joins from the right, so the value
         * it failed on is one of {@code R(b)..R(c-1)}; known when all of them but one are string constants.
         */
        private static int leftOperand(Prototype p, int pc, int b, int c) {
            int found = -1;
            for (int r = b; r < c; r++) {
                boolean constant = varinfo(p, pc, r).filter(name -> name.startsWith(" (constant ")).isPresent();
                if (!constant) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = r;
                }
            }
            return found;
        }
    }
}
