package dev.plinth.client.internal.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a cache folder holds, as the tests look at it: its files, and what its writers left in its temporary folder. */
final class CacheFolder {

    private CacheFolder() {}

    /** {@return the names of the files in the folder (not its folders), sorted} */
    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** {@return the names in the folder's temporary folder, sorted; none when it was never made} */
    static List<String> temporaries(Path folder) throws IOException {
        Path temporaries = folder.resolve(FileCache.TEMPORARY_FOLDER);
        if (!Files.exists(temporaries)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(temporaries)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
