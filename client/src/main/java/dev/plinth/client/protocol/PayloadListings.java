package dev.plinth.client.protocol;

import java.util.List;

/**
 * {@code GET /plinth/listings}: the {@link PayloadListing} of every started resource that sends clients something, in
 * one answer, as {@code GET /plinth/resources/NAME} gives each (a joining client asks once instead of once per
 * resource). A resource that starts or stops between the join and this answer is in it or not as it is now: the join's
 * list and this one may differ.
 *
 * @param resources the listings, each resource once, in the server's order
 */
public record PayloadListings(List<PayloadListing> resources) {

    /** Copies the components. */
    public PayloadListings {
        resources = List.copyOf(resources);
    }
}
