package dev.plinth.bedrock.molang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real Molang, read from {@code ../shared/corpus/} beside the project (never copied into it).
 * Without it the tests that need it are skipped with a message saying where it goes; when {@code CI=true} they
 * fail instead.
 */
final class Corpus {

    /** The corpus folder, from this module's folder. */
    static final Path FOLDER = Path.of("../../shared/corpus").toAbsolutePath().normalize();

    private Corpus() {
    }

    /**
     * The lines of a corpus file, each an expression or program, an embedded newline written {@code \n}.
     *
     * @param name the file name
     * @return the non-empty lines, newlines restored
     */
    static List<String> lines(String name) throws IOException {
        Path file = FOLDER.resolve(name);
        String where = "the Molang corpus " + name + " of shared/corpus must be beside the project, at " + file;
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isRegularFile(file), where + " (skipped)");
        }
        assertTrue(Files.isRegularFile(file), where);
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.replace("\\n", "\n"))
                .toList();
    }
}
