package dev.plinth.client;

import java.util.Objects;

/**
 * A resource the server lists, as this client has it.
 *
 * @param name the resource
 * @param type its category ({@code script}, {@code map}, {@code mod}...)
 * @param version the version loaded or listed
 * @param state {@code listed} (not downloaded: a Staminal mod no bootstrap mod needs), {@code loaded},
 *     {@code stopped}, {@code error}
 * @param ready whether its scripts marked it ready
 * @param detail why it is in error, or what it runs ({@code 2 scripts, lua}); empty otherwise
 */
public record ClientResource(String name, String type, String version, String state, boolean ready, String detail) {

    /** Validates the components. */
    public ClientResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }
}
