package dev.plinth.core.resource.internal.deploy;

import java.util.Optional;
import java.util.function.Function;

/**
 * How much one resource may hold, so that no zip bomb, sparse file or folder of a million files stops the deployer:
 * its files once unpacked ({@value #MAX_SIZE_PROPERTY}, default 256 MiB) and their number
 * ({@value #MAX_FILES_PROPERTY}, default 10,000). A manifest is read only up to
 * {@link dev.plinth.core.resource.internal.manifest.Manifests#MAX_MANIFEST_BYTES}.
 *
 * @param maxBytes the most bytes a resource's files may hold once unpacked
 * @param maxFiles the most files a resource may hold
 */
public record DeployLimits(long maxBytes, int maxFiles) {

    /** The framework property setting {@link #maxBytes()}, in MiB. */
    public static final String MAX_SIZE_PROPERTY = "plinth.resources.max.mb";
    /** The framework property setting {@link #maxFiles()}. */
    public static final String MAX_FILES_PROPERTY = "plinth.resources.max.files";
    /** 256 MiB and 10,000 files. */
    public static final DeployLimits DEFAULTS = new DeployLimits(256L << 20, 10_000);

    /** Validates the limits. */
    public DeployLimits {
        if (maxBytes <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException("resource limits are positive: " + maxBytes + " bytes, " + maxFiles
                    + " files");
        }
    }

    /**
     * The limits the framework properties set.
     *
     * @param property a framework property by name, null when unset
     * @return the limits, the defaults where a property is unset
     * @throws IllegalArgumentException when a property is not a positive whole number
     */
    public static DeployLimits from(Function<String, String> property) {
        long megabytes = number(property, MAX_SIZE_PROPERTY).orElse(DEFAULTS.maxBytes >> 20);
        long files = number(property, MAX_FILES_PROPERTY).orElse((long) DEFAULTS.maxFiles);
        return new DeployLimits(megabytes << 20, (int) Math.min(Integer.MAX_VALUE, files));
    }

    private static Optional<Long> number(Function<String, String> property, String name) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number > 0 && number < 1L << 40) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("the framework property " + name + " is '" + value
                + "': it takes a positive whole number");
    }
}
