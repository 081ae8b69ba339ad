package dev.plinth.core.resource;

import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.core.resource.descriptor.Language;
import dev.plinth.core.resource.descriptor.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.Version;

/**
 * What one resource is and where it is now, as {@code resource:info} and {@code Resource.GetResourceInfo} show it.
 *
 * @param name the resource name
 * @param type its category ({@code script}, {@code gamemode}, {@code map}, {@code plugin}...)
 * @param language the language host that runs it, {@link Language#NONE} for assets-only resources
 * @param version its version
 * @param author its author, empty when the manifest names none
 * @param description its description, possibly empty
 * @param state where it is in its lifecycle
 * @param dependencies what it declares it needs
 * @param dependents the resources that need it (directly), by name
 * @param files the script and asset paths its manifest declares
 * @param source where it was deployed from, relative to the instance's {@code resources/} folder
 *     ({@code [gameplay]/chat-demo}); empty for system resources
 * @param system whether it is a Plinth bundle or the {@code server} resource, outside the resource lifecycle
 * @param lastError the message of its last failed transition or deployment, if any
 */
public record ResourceInfo(String name, ResourceType type, Language language, Version version, String author,
        String description, ResourceState state, List<Dependency> dependencies, List<String> dependents,
        List<String> files, String source, boolean system, Optional<String> lastError) {

    /** Validates and copies the components. */
    public ResourceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(state, "state");
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        files = List.copyOf(files);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lastError, "lastError");
    }
}
