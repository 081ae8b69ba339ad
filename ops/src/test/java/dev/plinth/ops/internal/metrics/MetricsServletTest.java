package dev.plinth.ops.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsServletTest {

    @Test
    void onlyTheExactBearerTokenIsAuthorized() {
        assertTrue(MetricsServlet.authorized("Bearer s3cret", "s3cret"));
        assertFalse(MetricsServlet.authorized("Bearer s3cre", "s3cret"));
        assertFalse(MetricsServlet.authorized("Basic s3cret", "s3cret"));
        assertFalse(MetricsServlet.authorized(null, "s3cret"));
    }

    @Test
    void aBlankTokenLeavesTheEndpointOpen() {
        assertTrue(new MetricsSettings(" ").requiredToken().isEmpty());
        assertTrue(MetricsSettings.DEFAULTS.requiredToken().isEmpty());
        assertTrue(new MetricsSettings("t").requiredToken().equals(Optional.of("t")));
    }
}
