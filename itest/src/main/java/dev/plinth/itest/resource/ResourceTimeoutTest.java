package dev.plinth.itest.resource;

import static dev.plinth.itest.resource.ResourceAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceState;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Java plugins whose start blocks or fails: the start timeout of {@code conf/server.json}, the lock that refuses a
 * second call while the first transition still runs, and the failure of an activator.
 */
class ResourceTimeoutTest {

    private final ResourceHome home = new ResourceHome();

    @AfterEach
    void cleanUp() throws IOException {
        home.close();
    }

    @Test
    void aStartLongerThanTheTimeoutFailsAndTheResourceStaysLockedUntilItIsDone() throws IOException {
        home.settings("{\"ResourceTimeouts\": {\"Start\": 0.5}}");
        home.plugin("to-slow.jar", "to-slow", BlockingActivator.class);
        home.awaitListed("to-slow");

        long begin = System.nanoTime();
        var timedOut = assertCode(ResourceErrorCode.ERR_START_TIMEOUT, () -> home.service.start("to-slow"));
        assertTrue((System.nanoTime() - begin) / 1_000_000 < BlockingActivator.START_MILLIS, "the caller did not wait");
        assertEquals("ERR_START_TIMEOUT: to-slow did not start within 0.5 s (it stays locked until it is done)",
                timedOut.getMessage());

        var locked = assertCode(ResourceErrorCode.ERR_RESOURCE_LOCKED, () -> home.service.stop("to-slow"));
        assertTrue(locked.getMessage().startsWith("ERR_RESOURCE_LOCKED: to-slow is locked: it is starting"),
                locked.getMessage());

        ResourceHome.await(() -> Optional.of(home.service.info("to-slow")).filter(i -> i.state() == ResourceState.STARTED),
                "the slow start ends");
        ResourceHome.await(() -> {
            try {
                return Optional.of(home.service.stop("to-slow"));
            } catch (RuntimeException stillLocked) {
                return Optional.empty();
            }
        }, "to-slow is unlocked and stops");
    }

    @Test
    void aFailingActivatorIsAScriptExecutionErrorAndLeavesTheResourceInError() throws IOException {
        home.plugin("to-fail.jar", "to-fail", FailingActivator.class);
        home.awaitListed("to-fail");

        var failed = assertCode(ResourceErrorCode.ERR_SCRIPT_EXECUTION, () -> home.service.start("to-fail"));

        assertTrue(failed.getMessage().contains("the plugin's configuration is missing"), failed.getMessage());
        assertEquals(ResourceState.ERROR, home.service.info("to-fail").state());
        assertTrue(home.service.info("to-fail").lastError().orElseThrow().contains("ERR_SCRIPT_EXECUTION"));
    }
}
