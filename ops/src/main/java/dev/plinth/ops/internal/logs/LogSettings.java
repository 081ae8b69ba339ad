package dev.plinth.ops.internal.logs;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code logs} key of {@code conf/server.json}.
 *
 * @param maxSizeKb the size at which a resource's {@code latest.log} is rotated, in KiB
 * @param keep how many rotated files are kept ({@code 1.log} the newest), besides {@code latest.log}
 */
public record LogSettings(@Nullable Integer maxSizeKb, @Nullable Integer keep) {

    /** 1 MiB per file, 5 old files kept. */
    public static final LogSettings DEFAULTS = new LogSettings(null, null);

    /**
     * Fills in the defaults and checks the values.
     *
     * @throws IllegalArgumentException for a size below 1 KiB or a negative count
     */
    public LogSettings {
        maxSizeKb = Objects.requireNonNullElse(maxSizeKb, 1024);
        keep = Objects.requireNonNullElse(keep, 5);
        if (maxSizeKb < 1) {
            throw new IllegalArgumentException("logs.maxSizeKb must be at least 1, not " + maxSizeKb);
        }
        if (keep < 0) {
            throw new IllegalArgumentException("logs.keep must be 0 or more, not " + keep);
        }
    }

    /** {@return the rotation size in bytes} */
    long maxBytes() {
        return maxSizeKb * 1024L;
    }
}
