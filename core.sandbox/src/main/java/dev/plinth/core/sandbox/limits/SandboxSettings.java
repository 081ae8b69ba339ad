package dev.plinth.core.sandbox.limits;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The sandbox settings of the instance: the {@code sandbox} object of {@code conf/server.json} (read again when the
 * file changes), the defaults every host applies, and the caps on what a manifest may ask for
 * ({@code max_memory_mb_cap}, {@code max_fuel_per_tick_cap}). A malformed file is logged and the defaults apply.
 * An OSGi service.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface SandboxSettings {

    /**
     * The limits of a resource that asks for nothing.
     *
     * @return the defaults, from {@code conf/server.json}
     */
    SandboxLimits defaults();

    /**
     * Validates a manifest's {@code [resources]} and applies it over the defaults, capped by the server's settings.
     *
     * @param resource the resource
     * @param manifest its manifest file, for messages ({@code plugin.toml})
     * @param declared what it asks for
     * @return its limits, with a note for each value that was capped
     * @throws InvalidLimitsException for 0, a negative value or one too large to count, naming the resource, the
     *     file and the field
     */
    ResolvedLimits resolve(String resource, String manifest, DeclaredLimits declared);

    /**
     * Another object of {@code conf/server.json}, for a host's own settings ({@code lua}, {@code js}): read from the
     * same file, at the same time.
     *
     * @param key the top-level key
     * @return the object, or a missing node
     */
    JsonNode section(String key);
}
