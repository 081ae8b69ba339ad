package dev.plinth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared corpus is: the system property {@value #PROPERTY} when it is set, else {@code shared/corpus}
 * beside the project folder (the nearest folder above the working directory that holds {@code plinthw}), read in
 * place and never copied into the project. Tests that read it are annotated {@link RequiresCorpus}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Corpus {

    /** The system property that names the corpus folder, overriding where it is looked for. */
    public static final String PROPERTY = "plinth.corpus";
    /** The file that marks the project folder. */
    static final String PROJECT_MARKER = "plinthw";

    private Corpus() {}

    /**
     * The corpus folder, whether or not it exists.
     *
     * @return {@code <project>/../shared/corpus}, or the folder {@value #PROPERTY} names
     */
    public static Path root() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(PROJECT_MARKER))) {
                return folder.resolveSibling("shared").resolve("corpus").normalize();
            }
        }
        return start.resolveSibling("shared").resolve("corpus").normalize();
    }

    /**
     * An entry of the corpus.
     *
     * @param entry relative to {@code shared/corpus/} ({@code bedrock-samples})
     * @return its path; a test annotated {@link RequiresCorpus} with that entry only runs when it exists
     */
    public static Path path(String entry) {
        return root().resolve(entry);
    }
}
