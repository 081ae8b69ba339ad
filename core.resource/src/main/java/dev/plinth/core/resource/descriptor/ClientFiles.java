package dev.plinth.core.resource.descriptor;

import dev.plinth.core.resource.ResourceErrorCode;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files of a resource belong to its clients: its {@code client/} folder, and its manifest's client entry and
 * client file patterns ({@link ResourceDescriptor#clientFiles()}: alt:V's {@code client-main} and
 * {@code client-files}). The one answer to "is this file the client's?" for what clients receive, what a hot reload
 * ignores and what the language hosts leave out of the server side.
 *
 * <p>A path and a pattern are read alike: {@code \} is {@code /}, a leading {@code ./} is dropped. Then a pattern
 * <ul>
 * <li>ending in {@code /} or {@code /*} (as alt:V writes it) takes everything below its folder, at any depth;</li>
 * <li>without a wildcard ({@code *}, {@code ?}, {@code [} or <code>&#123;</code>) names a file, or a folder and everything below it;</li>
 * <li>otherwise is a glob of the platform's {@link PathMatcher}: {@code *} within a folder, {@code **} across
 * folders ({@code ui/**}, {@code textures/*.png}).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientFiles {

    /** The folder that is always the clients', whatever the manifest says. */
    public static final String CLIENT_FOLDER = "client/";

    private final List<PathMatcher> patterns;

    private ClientFiles(List<PathMatcher> patterns) {
        this.patterns = patterns;
    }

    /**
     * The client files of a resource as its manifest declares them, for what clients receive.
     *
     * @param descriptor the manifest, read
     * @return its client files
     * @throws ManifestException {@code ERR_INVALID_MANIFEST}, naming the field {@code client-files}, when a pattern is
     *     not a file pattern ({@code textures/[a-})
     */
    public static ClientFiles of(ResourceDescriptor descriptor) {
        return read(descriptor, true);
    }

    /**
     * The client files of a resource as its manifest declares them, a pattern that is not a file pattern taking
     * nothing: for what must answer whatever the manifest says (what a hot reload ignores, what a host prepares), so
     * that a file such a pattern meant for clients is treated as the server's. {@link #of} reports the pattern.
     *
     * @param descriptor the manifest, read
     * @return its client files
     */
    public static ClientFiles ofValidPatterns(ResourceDescriptor descriptor) {
        return read(descriptor, false);
    }

    /**
     * Whether a file is the clients'.
     *
     * @param path a path relative to the resource root ({@code ui/menu.js}, {@code ./ui\menu.js})
     * @return {@code true} when it is under {@code client/} or a client entry or pattern takes it
     */
    public boolean contains(String path) {
        String relative = normalized(path);
        if (relative.startsWith(CLIENT_FOLDER)) {
            return true;
        }
        if (patterns.isEmpty() || relative.isEmpty()) {
            return false;
        }
        Path asPath = Path.of(relative);
        return patterns.stream().anyMatch(pattern -> pattern.matches(asPath));
    }

    private static ClientFiles read(ResourceDescriptor descriptor, boolean strict) {
        var patterns = new ArrayList<PathMatcher>();
        for (String pattern : descriptor.clientFiles()) {
            try {
                patterns.add(FileSystems.getDefault().getPathMatcher("glob:" + glob(pattern)));
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw new ManifestException(ResourceErrorCode.ERR_INVALID_MANIFEST, descriptor.name(),
                            descriptor.manifestPath(), 0, "client-files",
                            "'" + pattern + "' is not a file pattern: " + e.getMessage());
                }
            }
        }
        return new ClientFiles(List.copyOf(patterns));
    }

    private static String glob(String pattern) {
        String glob = normalized(pattern);
        if (glob.endsWith("/*")) {
            return glob.substring(0, glob.length() - 2) + "/**";
        }
        if (glob.endsWith("/")) {
            return glob + "**";
        }
        if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[") && !glob.contains("{")) {
            return "{" + glob + "," + glob + "/**}";
        }
        return glob;
    }

    private static String normalized(String path) {
        String slashed = path.replace('\\', '/');
        return slashed.startsWith("./") ? slashed.substring(2) : slashed;
    }
}
