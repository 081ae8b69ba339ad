package dev.plinth.lang.lua.internal.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * A resource bundle named chat whose entries are the files of a folder, as far as the Lua host asks a bundle: one entry
 * read ({@code getEntry}), or all found by a file name pattern ({@code findEntries}, recursively, their paths as Felix
 * gives them: {@code /lib/x.lua}; {@code null} when none matches, as Felix answers). Anything else throws.
 */
final class FolderBundle {

    private FolderBundle() {}

    /**
     * The bundle of a folder.
     *
     * @param folder its files
     * @return the bundle
     */
    static Bundle of(Path folder) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getEntry" -> url(folder.resolve((String) args[0]));
                    case "findEntries" -> entries(folder, (String) args[1]);
                    case "getSymbolicName", "toString" -> "chat";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object entries(Path folder, String pattern) {
        PathMatcher name = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> all = Files.walk(folder)) {
            List<URL> found = all.filter(path -> Files.isRegularFile(path) && name.matches(path.getFileName()))
                    .map(path -> folder.relativize(path).toString().replace('\\', '/'))
                    .map(entry -> toUrl(URI.create("file:///" + entry)))
                    .toList();
            return found.isEmpty() ? null : Collections.enumeration(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path file) {
        return Files.isRegularFile(file) ? toUrl(file.toUri()) : null;
    }

    private static URL toUrl(URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
