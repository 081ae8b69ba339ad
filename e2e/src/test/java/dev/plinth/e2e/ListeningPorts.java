package dev.plinth.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: the socket inodes among its open files,
 * matched with the listening entries of {@code /proc/net/tcp} and {@code tcp6}.
 */
final class ListeningPorts {

    private static final String LISTEN = "0A";
    /** How {@code tcp6} writes an IPv4 address mapped into IPv6 ({@code ::ffff:a.b.c.d}), before the IPv4 part. */
    private static final String V4_MAPPED = "0000000000000000FFFF0000";

    private ListeningPorts() {}

    /** {@return whether this machine has the {@code /proc} files this reads} */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /**
     * The listening sockets of a process.
     *
     * @param pid the process
     * @return {@code address:port} each, the address as the kernel writes it ({@code 0100007F} is 127.0.0.1, also
     *     when listened on as an IPv4-mapped IPv6 address)
     */
    static Set<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            }
        }
        Set<String> listening = new TreeSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 9 && LISTEN.equals(f[3]) && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    String address = local[0].startsWith(V4_MAPPED) ? local[0].substring(V4_MAPPED.length()) : local[0];
                    listening.add(address + ":" + Integer.parseInt(local[1], 16));
                }
            }
        }
        return listening;
    }
}
