package dev.plinth.testsupport;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The condition behind {@link RequiresCorpus}: enabled when every entry the test names is in the corpus; disabled
 * with a message naming where the corpus goes when one is missing; failing instead when {@code CI=true}.
 *
 * <p>Stateless; JUnit may call it from any thread.
 */
public final class CorpusCondition implements ExecutionCondition {

    /** The environment variable that makes a missing corpus a failure. */
    public static final String CI = "CI";

    /** Creates the condition; JUnit does, through {@link RequiresCorpus}. */
    public CorpusCondition() {
        // stateless
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresCorpus> required = context.getElement().flatMap(CorpusCondition::requirement);
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no corpus needed");
        }
        return evaluate(required.get(), Corpus.root(), "true".equalsIgnoreCase(System.getenv(CI)));
    }

    /**
     * Whether a test that needs corpus entries runs.
     *
     * @param required what it needs
     * @param corpus where the corpus is
     * @param ci whether a missing entry fails the test
     * @return enabled, or disabled with where the corpus goes
     * @throws ExtensionConfigurationException when an entry is missing on CI
     */
    static ConditionEvaluationResult evaluate(RequiresCorpus required, Path corpus, boolean ci) {
        List<String> missing = new ArrayList<>();
        for (String entry : required.value()) {
            if (!Files.exists(corpus.resolve(entry))) {
                missing.add(entry);
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("the corpus is at " + corpus);
        }
        String message = "the shared corpus is missing " + String.join(", ", missing) + ": it goes at " + corpus
                + " (shared/corpus beside the project folder, or the system property " + Corpus.PROPERTY + ")";
        if (ci) {
            throw new ExtensionConfigurationException(message + "; CI (CI=true) runs every corpus test, so it fails");
        }
        return ConditionEvaluationResult.disabled("skipped: " + message);
    }

    private static Optional<RequiresCorpus> requirement(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, RequiresCorpus.class);
    }
}
