package dev.plinth.core.resource.internal.reload;

import dev.plinth.core.resource.internal.deploy.EditorTemporaries;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.osgi.service.log.Logger;

/**
 * Watches an instance's {@code resources/} folder with the operating system's file notifications
 * ({@link WatchService}: inotify on Linux), every folder below it, and says which resource each change belongs to, as
 * the deployer names them ({@code [gameplay]/chat-demo}), as soon as it happens. Changes to editors' temporaries are
 * not reported. A folder created later is watched from then on. When the notifications overflow or a folder cannot be
 * watched (the system's limit of watches), it asks for a full scan, and the deployer's periodic scan remains the
 * fallback throughout.
 *
 * <p>Threads: one daemon thread, {@code plinth-resource-watcher}, reports the changes; thread-safe.
 */
public final class SourceWatcher implements AutoCloseable {

    /** Told of each change, on the watcher's thread. */
    @FunctionalInterface
    public interface Listener {

        /**
         * Something changed.
         *
         * @param source the resource whose files changed, relative to {@code resources/}; empty when the whole folder
         *     should be scanned again (a category appeared, notifications were lost)
         */
        void changed(Optional<String> source);
    }

    private final Path root;
    private final WatchService service;
    private final Listener listener;
    private final Logger log;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean limitReported;

    private SourceWatcher(Path root, WatchService service, Listener listener, Logger log) {
        this.root = root;
        this.service = service;
        this.listener = listener;
        this.log = log;
        this.thread = Thread.ofPlatform().name("plinth-resource-watcher").daemon().unstarted(this::run);
    }

    /**
     * Starts watching a folder and everything below it.
     *
     * @param root the {@code resources/} folder
     * @param listener told of each change
     * @param log where a folder that cannot be watched is reported
     * @return the watcher, or empty when the file system offers no notifications (the periodic scan then does it all)
     */
    public static Optional<SourceWatcher> start(Path root, Listener listener, Logger log) {
        WatchService service;
        try {
            Files.createDirectories(root);
            service = root.getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot watch {} ({}): changes are found by the scan once a second", root, e.toString());
            return Optional.empty();
        }
        var watcher = new SourceWatcher(root, service, listener, log);
        watcher.watchTree(root);
        watcher.thread.start();
        return Optional.of(watcher);
    }

    /**
     * Which resource a path below {@code resources/} belongs to: its first part that is not a category.
     *
     * @param relative the path, relative to {@code resources/}, with {@code /}
     * @return the resource's relative path, or empty for a category folder itself
     */
    public static Optional<String> sourceOf(String relative) {
        String[] parts = relative.split("/");
        var source = new StringBuilder();
        for (String part : parts) {
            if (!source.isEmpty()) {
                source.append('/');
            }
            source.append(part);
            if (!(part.startsWith("[") && part.endsWith("]"))) {
                return Optional.of(source.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Watches a folder, then looks at what it holds, folder by folder: a folder created inside it at any moment is
     * either seen here or reported by the watch already in place.
     */
    private void watchTree(Path folder) {
        try {
            WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            folders.put(key, folder);
            List<Path> children;
            try (Stream<Path> list = Files.list(folder)) {
                children = list.filter(Files::isDirectory)
                        .filter(dir -> !EditorTemporaries.isTemporary(dir.getFileName().toString())).toList();
            }
            children.forEach(this::watchTree);
        } catch (FileSystemException e) {
            if (Files.isDirectory(folder) && !limitReported) {
                limitReported = true;
                log.warn("cannot watch every folder below {} ({}): the others' changes are found by the scan once "
                        + "a second", root, e.toString());
            }
            listener.changed(Optional.empty());
        } catch (IOException | RuntimeException e) {
            listener.changed(Optional.empty()); // gone meanwhile: the scan will tell
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = folders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                        listener.changed(Optional.empty());
                    } else {
                        changed(folder.resolve((Path) event.context()), event.kind());
                    }
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void changed(Path path, WatchEvent.Kind<?> kind) {
        if (EditorTemporaries.isTemporary(path.getFileName().toString())) {
            return;
        }
        if (kind == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
            watchTree(path);
        }
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (relative.isEmpty() || relative.startsWith(".")) {
            return; // hidden entries of resources/ are no resources
        }
        listener.changed(sourceOf(relative));
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing more to watch either way
        }
        thread.interrupt();
    }
}
