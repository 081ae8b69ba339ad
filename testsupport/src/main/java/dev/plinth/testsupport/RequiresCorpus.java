package dev.plinth.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that reads real material from the shared corpus, {@code ../shared/corpus/} beside the
 * project, which is never copied into it. Where the corpus is missing (a newcomer's clone), the test is skipped
 * with a message saying where the corpus goes; when the environment variable {@code CI} is {@code true} (as
 * {@code .ci/run} sets it), the test fails instead, so that CI always runs it.
 *
 * <pre>{@code
 * @RequiresCorpus("bedrock-samples")
 * class PackCorpusTest {
 *     @Test
 *     void everySampleIsRead() {
 *         Path samples = Corpus.path("bedrock-samples");
 *         ...
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(CorpusCondition.class)
public @interface RequiresCorpus {

    /**
     * The entries of the corpus the test reads, relative to {@code shared/corpus/}: folders or files
     * ({@code bedrock-samples}, {@code molang-expressions.txt}).
     *
     * @return the entries, all of which must exist
     */
    String[] value();
}
