package dev.plinth.core.resource.internal.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code DevResources} of {@code conf/server.json}: the resources in development mode from the start, reloaded as
 * soon as their files change. A list of names, or {@code "*"} for every resource. Immutable.
 *
 * @param all whether every resource is in development mode ({@code "*"})
 * @param names the resources named
 */
public record DevResources(boolean all, Set<String> names) {

    /** No resource in development mode. */
    public static final DevResources NONE = new DevResources(false, Set.of());

    /** Copies the names. */
    public DevResources {
        names = Set.copyOf(names);
    }

    /**
     * Reads the key's value.
     *
     * @param value {@code "*"} or an array of names
     * @return the resources
     * @throws IllegalArgumentException for anything else (Jackson reports it with the line)
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DevResources of(JsonNode value) {
        if (value.isTextual() && value.asText().equals("*")) {
            return new DevResources(true, Set.of());
        }
        if (value.isArray()) {
            var names = new ArrayList<String>();
            for (JsonNode name : value) {
                if (!name.isTextual()) {
                    throw new IllegalArgumentException("DevResources lists resource names (strings), not " + name);
                }
                names.add(name.asText());
            }
            return new DevResources(false, Set.copyOf(names));
        }
        throw new IllegalArgumentException("DevResources is a list of resource names, or \"*\" for every resource, not "
                + value);
    }

    /**
     * Whether a resource is listed.
     *
     * @param name the resource
     * @return {@code true} for every name when {@link #all()}
     */
    public boolean includes(String name) {
        return all || names.contains(name);
    }

    /** {@return the names listed, sorted} */
    public List<String> sorted() {
        return names.stream().sorted().toList();
    }
}
