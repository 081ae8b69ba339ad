package dev.plinth.lang.lua.internal.strings;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.Buffer;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.find}, {@code match}, {@code gmatch} and {@code gsub} on the metered {@link LuaPattern}, with Lua
 * 5.2's semantics (positions, anchors, captures, replacement strings, tables and functions). Every scan and every
 * matching step is charged to the calling resource's meter.
 */
final class PatternFunctions {

    private PatternFunctions() {}

    /**
     * Puts the four functions into a string library table.
     *
     * @param library the table
     */
    static void install(LuaTable library) {
        library.rawset("find", new Find(true));
        library.rawset("match", new Find(false));
        library.rawset("gmatch", new GMatch());
        library.rawset("gsub", new GSub());
    }

    /** Lua 5.2's {@code posrelat}: a negative position counts from the end. */
    static int position(long position, int length) {
        if (position >= 0) {
            return (int) Math.min(position, Integer.MAX_VALUE);
        }
        return -position > length ? 0 : (int) (length + position + 1);
    }

    /** {@code find} or {@code match}. */
    private static final class Find extends VarArgFunction {
        private final boolean find;

        Find(boolean find) {
            this.find = find;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaString subject = args.checkstring(1);
            LuaString pattern = args.checkstring(2);
            int length = subject.m_length;
            int init = position(args.optlong(3, 1), length);
            if (init < 1) {
                init = 1;
            } else if (init > length + 1) {
                return NIL;
            }
            Meter meter = Meter.current();
            if (find && (args.toboolean(4) || LuaPattern.isPlain(pattern))) {
                int at = LuaPattern.indexOf(subject, pattern, init - 1, meter);
                return at < 0 ? NIL : varargsOf(valueOf(at + 1), valueOf(at + pattern.m_length));
            }
            var matcher = new LuaPattern(subject, pattern, meter);
            boolean anchored = matcher.anchored();
            int patternStart = anchored ? 1 : 0;
            int start = init - 1;
            do {
                int end = matcher.matchAt(start, patternStart);
                if (end != -1) {
                    if (find) {
                        return varargsOf(valueOf(start + 1), valueOf(end), matcher.captures(start, end, false));
                    }
                    return matcher.captures(start, end, true);
                }
            } while (start++ < length && !anchored);
            return NIL;
        }
    }

    /** {@code gmatch}: an iterator over the matches. */
    private static final class GMatch extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaString subject = args.checkstring(1);
            LuaString pattern = args.checkstring(2);
            return new VarArgFunction() {
                private int position;

                @Override
                public Varargs invoke(Varargs ignored) {
                    var matcher = new LuaPattern(subject, pattern, Meter.current());
                    for (int start = position; start <= subject.m_length; start++) {
                        int end = matcher.matchAt(start, 0);
                        if (end != -1) {
                            position = end == start ? end + 1 : end;
                            return matcher.captures(start, end, true);
                        }
                    }
                    position = subject.m_length + 1;
                    return NIL;
                }
            };
        }
    }

    /** {@code gsub}: replaces matches with a string, a table's values or a function's results. */
    private static final class GSub extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaString subject = args.checkstring(1);
            LuaString pattern = args.checkstring(2);
            LuaValue replacement = args.arg(3);
            int type = replacement.type();
            if (type != TNUMBER && type != TSTRING && type != TTABLE && type != TFUNCTION) {
                return argerror(3, "string/function/table expected");
            }
            long max = args.optlong(4, (long) subject.m_length + 1);
            Meter meter = Meter.current();
            var matcher = new LuaPattern(subject, pattern, meter);
            boolean anchored = matcher.anchored();
            int patternStart = anchored ? 1 : 0;
            var result = new Buffer(Math.min(subject.m_length, 1024));
            int start = 0;
            long count = 0;
            while (count < max) {
                int end = matcher.matchAt(start, patternStart);
                if (end != -1) {
                    count++;
                    replace(matcher, subject, start, end, replacement, result);
                }
                if (end != -1 && end > start) {
                    start = end;
                } else if (start < subject.m_length) {
                    result.append((byte) subject.m_bytes[subject.m_offset + start++]);
                } else {
                    break;
                }
                if (anchored) {
                    break;
                }
            }
            if (start < subject.m_length) {
                result.append(subject.substring(start, subject.m_length));
            }
            return varargsOf(result.tostring(), valueOf(count));
        }

        private static void replace(LuaPattern matcher, LuaString subject, int start, int end, LuaValue replacement,
                Buffer result) {
            LuaValue value = switch (replacement.type()) {
                case TNUMBER, TSTRING -> {
                    appendReplacement(matcher, subject, replacement.strvalue(), start, end, result);
                    yield null;
                }
                case TTABLE -> replacement.get(matcher.capture(0, start, end));
                default -> replacement.invoke(matcher.captures(start, end, true)).arg1();
            };
            if (value == null) {
                return;
            }
            if (!value.toboolean()) {
                result.append(subject.substring(start, end));
            } else if (value.isstring()) {
                result.append(value.strvalue());
            } else {
                throw new LuaError("invalid replacement value (a " + value.typename() + ")");
            }
        }

        private static void appendReplacement(LuaPattern matcher, LuaString subject, LuaString text, int start, int end,
                Buffer result) {
            byte[] bytes = text.m_bytes;
            for (int i = text.m_offset, last = text.m_offset + text.m_length; i < last; i++) {
                byte b = bytes[i];
                if (b != '%') {
                    result.append(b);
                    continue;
                }
                i++;
                byte d = i < last ? bytes[i] : 0;
                if (d == '%') {
                    result.append((byte) '%');
                } else if (d == '0') {
                    result.append(subject.substring(start, end));
                } else if (d >= '1' && d <= '9') {
                    LuaValue capture = matcher.capture(d - '1', start, end);
                    result.append(capture.tostring().strvalue());
                } else {
                    throw new LuaError("invalid use of '%' in replacement string");
                }
            }
        }
    }
}
