package dev.plinth.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock that makes an instance home one process's: {@value #FILE} in the home, locked for the life of the process
 * (the operating system releases it when the process ends, however it ends) and naming the process that holds it. A
 * second process on the same home fails at once, naming the home and the process, instead of sharing (and
 * corrupting) the framework cache.
 *
 * <p>Not thread-safe: taken once by the launching thread, released by the JVM at exit.
 */
public final class HomeLock implements AutoCloseable {

    /** The lock file, in the home folder. */
    public static final String FILE = "plinth.lock";
    /** The exit code of a launch refused because the home is in use (EX_TEMPFAIL: try again later). */
    public static final int HOME_IN_USE = 75;

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a home, creating it when missing.
     *
     * @param home the instance home
     * @return the lock, held until closed or until the process ends
     * @throws LaunchException {@value #HOME_IN_USE} when another process holds the home, naming it; 1 when the lock
     *     file cannot be written
     */
    public static HomeLock acquire(Path home) {
        Path file = home.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new LaunchException("plinth: the home " + home.toAbsolutePath().normalize()
                        + " is in use by another Plinth process (" + holder + "); stop it first, or start this one "
                        + "with another --home", HOME_IN_USE);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                    + ManagementFactory.getRuntimeMXBean().getName() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new HomeLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LaunchException("plinth: cannot lock the home " + home + " (" + file + "): " + e, 1);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this very JVM holds it already
        }
    }

    /** What the lock file says of the process holding it. */
    private static String holder(FileChannel channel) throws IOException {
        var content = ByteBuffer.allocate(512);
        channel.read(content, 0);
        String text = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "its lock file is empty: it is starting" : text;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** Releases the home; the lock file stays, saying who held it last. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        closeQuietly(channel);
    }
}
