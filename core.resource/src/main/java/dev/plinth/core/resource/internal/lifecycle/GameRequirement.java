package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import java.util.Optional;
import org.osgi.framework.Version;

/**
 * The {@code @game} requirement of a mod, checked at start against the version of the game the server runs: the
 * framework's resolver cannot check it, since no bundle provides the game.
 *
 * <p>Stateless and thread-safe.
 */
final class GameRequirement {

    private GameRequirement() {}

    /**
     * Why the game the server runs is not one a resource accepts.
     *
     * @param descriptor the resource
     * @param game the game's version, empty when the server does not say (nothing is refused then)
     * @return {@code mod needs @game [1.0.0,1.5.0], the server runs game 1.21.50}; empty when every {@code @game}
     *     range of the resource includes the game's version
     */
    static Optional<String> problem(ResourceDescriptor descriptor, Optional<Version> game) {
        return game.flatMap(version -> descriptor.dependencies().stream()
                .filter(d -> d.kind() == Dependency.Kind.GAME && !d.range().includes(version))
                .findFirst()
                .map(d -> descriptor.name() + " needs " + d + ", the server runs game " + version));
    }
}
