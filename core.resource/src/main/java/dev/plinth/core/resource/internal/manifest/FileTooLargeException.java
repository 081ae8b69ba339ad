package dev.plinth.core.resource.internal.manifest;

import java.io.IOException;
import java.util.Locale;

/**
 * A resource, or one of its files, holds more than its reader accepts (a manifest over
 * {@link Manifests#MAX_MANIFEST_BYTES}, a resource over its deployment limits): refused before it is read, or as soon
 * as reading passes the limit, whatever size a zip entry claims.
 */
public final class FileTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long limit;

    private FileTooLargeException(String message, long size, long limit) {
        super(message);
        this.size = size;
        this.limit = limit;
    }

    /**
     * Refuses a file that holds too many bytes.
     *
     * @param what the file or resource, as the message names it ({@code meta.json})
     * @param size its size, or -1 when only the limit is known (a zip entry that unpacks beyond it)
     * @param limit the most bytes it may hold
     * @param purpose what follows {@code allowed} in the message ({@code for a resource}); may be empty
     * @return the exception: {@code meta.json holds 3 GiB, more than the 1 MiB allowed}
     */
    public static FileTooLargeException bytes(String what, long size, long limit, String purpose) {
        return new FileTooLargeException(what + (size < 0 ? " unpacks to more than" : " holds " + describe(size)
                + ", more than") + " the " + describe(limit) + " allowed" + (purpose.isEmpty() ? "" : " " + purpose),
                size, limit);
    }

    /**
     * Refuses a resource that holds too many files.
     *
     * @param what the resource ({@code resources/many})
     * @param limit the most files it may hold
     * @param purpose what follows the limit in the message; may be empty
     * @return the exception: {@code resources/many holds more than the 10000 files allowed}
     */
    public static FileTooLargeException files(String what, long limit, String purpose) {
        return new FileTooLargeException(what + " holds more than the " + limit + " files allowed"
                + (purpose.isEmpty() ? "" : " " + purpose), -1, limit);
    }

    /**
     * What the file holds.
     *
     * @return its size in bytes, or -1 when only the limit is known
     */
    public long size() {
        return size;
    }

    /**
     * What it may hold.
     *
     * @return the limit
     */
    public long limit() {
        return limit;
    }

    /**
     * A size as people read it: {@code 512 bytes}, {@code 1 MiB}, {@code 1.5 GiB}.
     *
     * @param bytes the size
     * @return the text
     */
    public static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }
}
