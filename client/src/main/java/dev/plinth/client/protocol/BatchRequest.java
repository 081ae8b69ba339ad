package dev.plinth.client.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /plinth/batch}: several payload files in one response, each from an offset. The answer is the files'
 * bytes one after another, in the order asked, each from its offset to its end ({@code Content-Length} is their
 * sum); the client knows each file's size and SHA-256 from its listing and verifies each one as it ends. When the
 * connection breaks, the files that ended whole are kept and the one under way resumes from what arrived.
 *
 * @param files the files, at least one and at most {@link Protocol#MAX_BATCH_FILES}, each hash once
 */
public record BatchRequest(List<Wanted> files) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when there is no file, more than {@link Protocol#MAX_BATCH_FILES}, or a hash
     *     twice
     */
    public BatchRequest {
        files = List.copyOf(files);
        if (files.isEmpty() || files.size() > Protocol.MAX_BATCH_FILES) {
            throw new IllegalArgumentException("a batch asks for 1 to " + Protocol.MAX_BATCH_FILES + " files, not "
                    + files.size());
        }
        var seen = new HashSet<String>();
        for (Wanted wanted : files) {
            if (!seen.add(wanted.hash())) {
                throw new IllegalArgumentException("a batch asks for " + wanted.hash() + " twice");
            }
        }
    }

    /**
     * One file of a batch.
     *
     * @param hash its SHA-256, lower-case hexadecimal
     * @param offset the first byte wanted: 0 for the whole file, what a partial download holds to resume it
     */
    public record Wanted(String hash, long offset) {

        /**
         * Validates the components.
         *
         * @throws IllegalArgumentException when the hash is not a SHA-256 or the offset is negative
         */
        public Wanted {
            Objects.requireNonNull(hash, "hash");
            if (!Protocol.isSha256(hash)) {
                throw new IllegalArgumentException("not a SHA-256: " + hash);
            }
            if (offset < 0) {
                throw new IllegalArgumentException("a negative offset: " + offset);
            }
        }
    }
}
