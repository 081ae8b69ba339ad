package dev.plinth.transfer.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, from a {@code Range} header: only {@code bytes=FIRST-LAST}, {@code bytes=FIRST-} and
 * {@code bytes=-SUFFIX}, one range per request. A last position past the end is the end; a first position at or past
 * the end, a first after the last, several ranges, or numbers beyond a {@code long} cannot be satisfied (416), so no
 * request makes the server read or send more than the file.
 *
 * @param first the first byte sent
 * @param last the last byte sent, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    /** What a {@code Range} header asks for. */
    sealed interface Asked {
        /** The whole file (no header). */
        record Whole() implements Asked {}

        /** One satisfiable range. */
        record Part(ByteRange range) implements Asked {}

        /** Nothing that can be sent: 416. */
        record Unsatisfiable() implements Asked {}
    }

    /**
     * Reads a {@code Range} header against a file's size.
     *
     * @param header the header, or {@code null}
     * @param size the file's size
     * @return what it asks for
     */
    static Asked parse(String header, long size) {
        if (header == null) {
            return new Asked.Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Asked.Unsatisfiable();
        }
        try {
            return part(m.group(1), m.group(2), size);
        } catch (NumberFormatException e) {
            return new Asked.Unsatisfiable(); // past Long.MAX_VALUE
        }
    }

    private static Asked part(String firstText, String lastText, long size) {
        long first;
        long last;
        if (firstText.isEmpty()) {
            long suffix = Long.parseLong(lastText);
            if (suffix == 0 || size == 0) {
                return new Asked.Unsatisfiable();
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(firstText);
            last = lastText.isEmpty() ? size - 1 : Math.min(Long.parseLong(lastText), size - 1);
            if (first >= size || first > last) {
                return new Asked.Unsatisfiable();
            }
        }
        return new Asked.Part(new ByteRange(first, last));
    }

    /** {@return how many bytes it holds} */
    long length() {
        return last - first + 1;
    }

    /**
     * The {@code Content-Range} of this range.
     *
     * @param size the file's size
     * @return {@code bytes FIRST-LAST/SIZE}
     */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
