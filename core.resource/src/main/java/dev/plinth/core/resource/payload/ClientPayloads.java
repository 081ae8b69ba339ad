package dev.plinth.core.resource.payload;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The client payloads of the started resources, an OSGi service: for each, the files clients download and run (a
 * meta.json's {@code client} and {@code shared} scripts and every asset, a resource.toml's {@code client-main} and
 * {@code client-files}, a Staminal mod's client side, a Bedrock resource pack's files; never a server-only script),
 * each with its size, its SHA-256 and whether clients may cache it.
 *
 * <p>Hashes are computed on the service's own threads, never on the game thread, and kept until the file changes
 * (its size, modification time or identity): asking again costs one {@code stat} per file.
 *
 * <p>Thread-safe. The methods block while files are hashed; they refuse to run on the game thread.
 */
@ProviderType
public interface ClientPayloads {

    /**
     * The client payload of one started resource.
     *
     * @param resource the resource name
     * @return its payload; empty when it is not started or sends clients nothing
     * @throws PayloadException when a file of the payload cannot be read (the message names the resource and the file)
     * @throws IllegalStateException when called on the game thread
     */
    Optional<ClientPayload> payload(String resource);

    /**
     * The client payloads of every started resource that has one, sorted by name.
     *
     * @return the payloads; a resource whose files cannot be read is left out (and its failure logged)
     * @throws IllegalStateException when called on the game thread
     */
    List<ClientPayload> payloads();

    /**
     * The file of a started resource's payload whose content has this hash now: what a client may download by hash.
     * A hash of an older content, of a stopped resource, of a server-only file, or that is not a hash, finds nothing.
     *
     * @param sha256 64 lower-case hexadecimal digits
     * @return the file, checked to still have that content's size, modification time and identity on the file system
     *     (the file at its real path is the one hashed, not another one a link put on the way since leads to)
     * @throws IllegalStateException when called on the game thread
     */
    Optional<PayloadSource> file(String sha256);
}
