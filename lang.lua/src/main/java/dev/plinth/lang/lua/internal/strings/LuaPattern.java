package dev.plinth.lang.lua.internal.strings;

import dev.plinth.lang.lua.internal.limits.Meter;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * One match of a Lua 5.2 pattern against a subject string ({@code string.find}, {@code match}, {@code gmatch},
 * {@code gsub}), written for the sandbox: every step (each attempt at a pattern item, each character a repetition or
 * a balance scans) is charged to the resource's {@link Meter}, so a pattern that backtracks for ever
 * ({@code ("a"):rep(20000):find(".-.-.-.-b")}) runs out of budget or is interrupted by the watchdog like a loop
 * written in Lua. Nesting is bounded ({@value #MAX_DEPTH} levels, "pattern too complex"), so no pattern exhausts the
 * Java stack.
 *
 * <p>Confined to the calling thread; a new instance for each call.
 */
final class LuaPattern {

    static final int MAX_CAPTURES = 32;
    static final int MAX_DEPTH = 200;
    private static final char ESCAPE = '%';
    private static final int UNFINISHED = -1;
    private static final int POSITION = -2;
    private static final String SPECIALS = "^$*+?.([%-";

    private final byte[] subject;
    private final int subjectOffset;
    private final int subjectLength;
    private final byte[] pattern;
    private final int patternOffset;
    private final int patternLength;
    private final Meter meter;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];
    private int level;
    private int depth;

    LuaPattern(LuaString subject, LuaString pattern, Meter meter) {
        this.subject = subject.m_bytes;
        this.subjectOffset = subject.m_offset;
        this.subjectLength = subject.m_length;
        this.pattern = pattern.m_bytes;
        this.patternOffset = pattern.m_offset;
        this.patternLength = pattern.m_length;
        this.meter = meter;
    }

    /** Whether a pattern has no special characters, so a plain search does. */
    static boolean isPlain(LuaString pattern) {
        for (int i = 0; i < pattern.m_length; i++) {
            if (SPECIALS.indexOf(pattern.m_bytes[pattern.m_offset + i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the pattern starts with {@code ^}. */
    boolean anchored() {
        return patternLength > 0 && p(0) == '^';
    }

    /**
     * Tries to match at one position of the subject.
     *
     * @param start the position in the subject, 0-based
     * @param patternStart where the pattern starts (1 after an anchor)
     * @return the end of the match (exclusive), or -1
     */
    int matchAt(int start, int patternStart) {
        level = 0;
        depth = MAX_DEPTH;
        return match(start, patternStart);
    }

    /** The number of captures, or 1 for a pattern without any (the whole match is its capture). */
    int captureCount(boolean wholeIfNone) {
        return level == 0 && wholeIfNone ? 1 : level;
    }

    /**
     * One capture of the last match.
     *
     * @param i the capture's index, 0-based
     * @param start where the match starts
     * @param end where it ends
     * @return the captured string, or its position for a position capture {@code ()}
     */
    LuaValue capture(int i, int start, int end) {
        if (i >= level) {
            if (i == 0) {
                return LuaString.valueOf(subject, subjectOffset + start, end - start);
            }
            throw new LuaError("invalid capture index %" + (i + 1));
        }
        int length = captureLength[i];
        if (length == UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        if (length == POSITION) {
            return LuaValue.valueOf(captureStart[i] + 1);
        }
        return LuaString.valueOf(subject, subjectOffset + captureStart[i], length);
    }

    /** Every capture of the last match, or the whole match when the pattern has none and it is asked for. */
    Varargs captures(int start, int end, boolean wholeIfNone) {
        int count = captureCount(wholeIfNone);
        var values = new LuaValue[count];
        for (int i = 0; i < count; i++) {
            values[i] = capture(i, start, end);
        }
        return LuaValue.varargsOf(values);
    }

    /**
     * A plain search, charged per byte scanned.
     *
     * @param needle what to find
     * @param from where to start, 0-based
     * @return where it is, 0-based, or -1
     */
    static int indexOf(LuaString haystack, LuaString needle, int from, Meter meter) {
        byte[] h = haystack.m_bytes;
        byte[] n = needle.m_bytes;
        int hOff = haystack.m_offset;
        int nOff = needle.m_offset;
        int nLen = needle.m_length;
        int last = haystack.m_length - nLen;
        int charged = 0;
        for (int i = from; i <= last; i++) {
            if (++charged == 64) {
                meter.charge(1);
                charged = 0;
            }
            int j = 0;
            while (j < nLen && h[hOff + i + j] == n[nOff + j]) {
                j++;
            }
            if (j == nLen) {
                return i;
            }
            if (j > 64) {
                meter.charge(j / 64);
            }
        }
        return -1;
    }

    private int s(int i) {
        return subject[subjectOffset + i] & 0xFF;
    }

    private int p(int i) {
        return pattern[patternOffset + i] & 0xFF;
    }

    private int match(int s, int p) {
        if (--depth == 0) {
            throw new LuaError("pattern too complex");
        }
        try {
            while (true) {
                meter.step();
                if (p == patternLength) {
                    return s;
                }
                switch (p(p)) {
                    case '(' -> {
                        return p + 1 < patternLength && p(p + 1) == ')'
                                ? startCapture(s, p + 2, POSITION) : startCapture(s, p + 1, UNFINISHED);
                    }
                    case ')' -> {
                        return endCapture(s, p + 1);
                    }
                    case '$' -> {
                        if (p + 1 == patternLength) {
                            return s == subjectLength ? s : -1;
                        }
                    }
                    case ESCAPE -> {
                        if (p + 1 < patternLength) {
                            int next = p(p + 1);
                            if (next == 'b') {
                                s = matchBalance(s, p + 2);
                                if (s == -1) {
                                    return -1;
                                }
                                p += 4;
                                continue;
                            }
                            if (next == 'f') {
                                p += 2;
                                if (p >= patternLength || p(p) != '[') {
                                    throw new LuaError("missing '[' after '%f' in pattern");
                                }
                                int end = classEnd(p);
                                int previous = s == 0 ? 0 : s(s - 1);
                                int current = s < subjectLength ? s(s) : 0;
                                if (!matchBracketClass(previous, p, end - 1) && matchBracketClass(current, p, end - 1)) {
                                    p = end;
                                    continue;
                                }
                                return -1;
                            }
                            if (Character.isDigit(next)) {
                                s = matchCapture(s, next);
                                if (s == -1) {
                                    return -1;
                                }
                                p += 2;
                                continue;
                            }
                        }
                    }
                    default -> {
                        // a single character class, below
                    }
                }
                int end = classEnd(p);
                boolean matches = s < subjectLength && singleMatch(s(s), p, end);
                if (end < patternLength) {
                    switch (p(end)) {
                        case '?' -> {
                            if (matches) {
                                int result = match(s + 1, end + 1);
                                if (result != -1) {
                                    return result;
                                }
                            }
                            p = end + 1;
                            continue;
                        }
                        case '+' -> {
                            return matches ? maxExpand(s + 1, p, end) : -1;
                        }
                        case '*' -> {
                            return maxExpand(s, p, end);
                        }
                        case '-' -> {
                            return minExpand(s, p, end);
                        }
                        default -> {
                            // a plain item
                        }
                    }
                }
                if (!matches) {
                    return -1;
                }
                s++;
                p = end;
            }
        } finally {
            depth++;
        }
    }

    private int maxExpand(int s, int p, int end) {
        int count = 0;
        while (s + count < subjectLength && singleMatch(s(s + count), p, end)) {
            meter.step();
            count++;
        }
        while (count >= 0) {
            int result = match(s + count, end + 1);
            if (result != -1) {
                return result;
            }
            count--;
        }
        return -1;
    }

    private int minExpand(int s, int p, int end) {
        while (true) {
            int result = match(s, end + 1);
            if (result != -1) {
                return result;
            }
            if (s < subjectLength && singleMatch(s(s), p, end)) {
                s++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureStart[level] = s;
        captureLength[level] = what;
        level++;
        int result = match(s, p);
        if (result == -1) {
            level--;
        }
        return result;
    }

    private int endCapture(int s, int p) {
        int open = openCapture();
        captureLength[open] = s - captureStart[open];
        int result = match(s, p);
        if (result == -1) {
            captureLength[open] = UNFINISHED;
        }
        return result;
    }

    private int openCapture() {
        for (int i = level - 1; i >= 0; i--) {
            if (captureLength[i] == UNFINISHED) {
                return i;
            }
        }
        throw new LuaError("invalid pattern capture");
    }

    private int matchBalance(int s, int p) {
        if (p + 1 >= patternLength) {
            throw new LuaError("malformed pattern (missing arguments to '%b')");
        }
        if (s >= subjectLength || s(s) != p(p)) {
            return -1;
        }
        int open = p(p);
        int close = p(p + 1);
        int nesting = 1;
        while (++s < subjectLength) {
            meter.step();
            int c = s(s);
            if (c == close) {
                if (--nesting == 0) {
                    return s + 1;
                }
            } else if (c == open) {
                nesting++;
            }
        }
        return -1;
    }

    private int matchCapture(int s, int digit) {
        int index = digit - '1';
        if (index < 0 || index >= level || captureLength[index] == UNFINISHED) {
            throw new LuaError("invalid capture index %" + (index + 1));
        }
        int length = captureLength[index];
        if (length < 0 || subjectLength - s < length) {
            return -1;
        }
        meter.charge(1 + length / 64);
        int start = captureStart[index];
        for (int i = 0; i < length; i++) {
            if (subject[subjectOffset + start + i] != subject[subjectOffset + s + i]) {
                return -1;
            }
        }
        return s + length;
    }

    private int classEnd(int p) {
        int c = p(p++);
        if (c == ESCAPE) {
            if (p >= patternLength) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (p < patternLength && p(p) == '^') {
                p++;
            }
            do {
                if (p >= patternLength) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                c = p(p++);
                if (c == ESCAPE && p < patternLength) {
                    p++;
                }
            } while (p >= patternLength || p(p) != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int end) {
        return switch (p(p)) {
            case '.' -> true;
            case ESCAPE -> matchClass(c, p(p + 1));
            case '[' -> matchBracketClass(c, p, end - 1);
            default -> p(p) == c;
        };
    }

    private boolean matchBracketClass(int c, int p, int end) {
        boolean found = true;
        if (p(p + 1) == '^') {
            found = false;
            p++;
        }
        while (++p < end) {
            if (p(p) == ESCAPE) {
                p++;
                if (matchClass(c, p(p))) {
                    return found;
                }
            } else if (p + 2 < end && p(p + 1) == '-') {
                p += 2;
                if (p(p - 2) <= c && c <= p(p)) {
                    return found;
                }
            } else if (p(p) == c) {
                return found;
            }
        }
        return !found;
    }

    private static boolean matchClass(int c, int cl) {
        boolean result = switch (Character.toLowerCase(cl)) {
            case 'a' -> isAlpha(c);
            case 'c' -> c < 32 || c == 127;
            case 'd' -> c >= '0' && c <= '9';
            case 'g' -> c > 32 && c < 127;
            case 'l' -> c >= 'a' && c <= 'z';
            case 'p' -> isPunctuation(c);
            case 's' -> c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> c >= 'A' && c <= 'Z';
            case 'w' -> isAlpha(c) || (c >= '0' && c <= '9');
            case 'x' -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> {
                yield cl == c;
            }
        };
        boolean isClass = "acdglpsuwx".indexOf(Character.toLowerCase(cl)) >= 0;
        return isClass && Character.isUpperCase(cl) ? !result : result;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isPunctuation(int c) {
        return c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
    }
}
