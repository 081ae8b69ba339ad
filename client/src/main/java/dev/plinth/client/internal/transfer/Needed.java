package dev.plinth.client.internal.transfer;

import dev.plinth.client.protocol.PayloadListing;

/**
 * A file a transfer downloads, with the resource it belongs to (for messages and progress).
 *
 * @param resource the resource's name
 * @param entry the file
 */
public record Needed(String resource, PayloadListing.Entry entry) {

    /** {@return {@code resource:path}, how messages name it} */
    public String what() {
        return resource + ":" + entry.path();
    }
}
