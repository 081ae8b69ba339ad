package dev.plinth.core.resource.reload;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The files of a resource's next content, read before it is installed: what its bundle will hold once it is swapped
 * in. Paths are relative to the resource root and use {@code /} ({@code lib/util.lua}).
 *
 * <p>Valid during {@link ReloadPreparation#prepare} only. Thread-safe for reading.
 */
@ProviderType
public interface ResourceContent {

    /**
     * Every file, sorted.
     *
     * @return the paths
     */
    List<String> paths();

    /**
     * Reads one file.
     *
     * @param path a relative path
     * @return its bytes, or empty when there is no such file
     * @throws IOException when it cannot be read
     */
    Optional<byte[]> read(String path) throws IOException;
}
