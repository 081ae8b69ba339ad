package dev.plinth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class CorpusConditionTest {

    @TempDir
    Path corpus;

    @Test
    void aTestWhoseCorpusIsMissingNeverRunsAndSaysWhereTheCorpusGoes() {
        var results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NeedsAMissingEntry.class))
                .execute();

        assertEquals(0, results.testEvents().started().count(), "no test ran");
        String reason;
        if ("true".equalsIgnoreCase(System.getenv(CorpusCondition.CI))) {
            // CI: the class fails with the reason instead of being skipped.
            Event failed = results.containerEvents().failed().stream().findFirst().orElseThrow();
            reason = failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
            assertTrue(reason.endsWith("CI (CI=true) runs every corpus test, so it fails"), reason);
        } else {
            Event skipped = results.allEvents().skipped().stream().findFirst().orElseThrow();
            reason = skipped.getPayload(String.class).orElseThrow();
            assertTrue(reason.startsWith("skipped: "), reason);
        }
        assertTrue(reason.contains("the shared corpus is missing no-such-corpus-entry: it goes at "), reason);
        assertTrue(reason.contains(Corpus.root().toString()), reason);
    }

    @Test
    void offCiAMissingCorpusSkipsTheTest() {
        ConditionEvaluationResult result = CorpusCondition.evaluate(required("bedrock-samples"), corpus, false);

        assertTrue(result.isDisabled(), result.toString());
        assertTrue(result.getReason().orElseThrow().startsWith("skipped: the shared corpus is missing bedrock-samples"),
                result.toString());
    }

    @Test
    void aTestWhoseCorpusIsThereRuns() throws IOException {
        Files.createDirectories(corpus.resolve("bedrock-samples"));

        ConditionEvaluationResult result = CorpusCondition.evaluate(required("bedrock-samples"), corpus, true);

        assertTrue(!result.isDisabled(), result.toString());
    }

    @Test
    void onCiAMissingCorpusFailsTheTest() {
        var e = assertThrows(ExtensionConfigurationException.class,
                () -> CorpusCondition.evaluate(required("bedrock-samples"), corpus, true));

        assertTrue(e.getMessage().contains("missing bedrock-samples: it goes at " + corpus), e.getMessage());
        assertTrue(e.getMessage().endsWith("CI (CI=true) runs every corpus test, so it fails"), e.getMessage());
    }

    @Test
    void theCorpusIsBesideTheProjectFolder() {
        Path project = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(project.resolve("plinthw")), "the tests run in a module folder of " + project);

        assertEquals(project.resolveSibling("shared").resolve("corpus"), Corpus.root());
    }

    private static RequiresCorpus required(String entry) {
        return new RequiresCorpus() {
            @Override
            public Class<RequiresCorpus> annotationType() {
                return RequiresCorpus.class;
            }

            @Override
            public String[] value() {
                return new String[] {entry};
            }
        };
    }

    @RequiresCorpus("no-such-corpus-entry")
    static class NeedsAMissingEntry {
        @Test
        void readsTheCorpus() {
            throw new AssertionError("never runs without the corpus");
        }
    }
}
