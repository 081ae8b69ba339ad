package dev.plinth.core.resource.internal.lifecycle;

import java.util.Optional;

/**
 * Who asks for a lifecycle operation: a resource, whose grant in {@code AdminResources} decides, or the system
 * (the console, the shell, Plinth's own bundles).
 *
 * @param resource the calling resource, empty for the system
 */
public record Caller(Optional<String> resource) {

    /** The console, the shell and Plinth's own bundles. */
    public static final Caller SYSTEM = new Caller(Optional.empty());
}
