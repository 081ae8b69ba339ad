package dev.plinth.core.resource.internal.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A bundle's content is prepared once for its start, whether the start prepares it or a thread did ahead of it; the
 * next start, or new content, prepares again.
 */
class PreparationClaimsTest {

    private static final long BUNDLE = 7;

    private final PreparationClaims claims = new PreparationClaims();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aStartFindsItsContentPreparedAheadAndTheNextStartPreparesAgain() {
        claims.ahead(BUNDLE, 1, runs::incrementAndGet);
        claims.forStart(BUNDLE, 1, runs::incrementAndGet);
        assertEquals(1, runs.get(), "prepared once for the start");
        claims.forStart(BUNDLE, 1, runs::incrementAndGet);
        assertEquals(2, runs.get(), "the next start prepares again");
        assertEquals(0, claims.size());
    }

    @Test
    void aThreadThatComesAheadOfAStartThatIsOverPreparesNothing() {
        claims.beginAhead();
        claims.forStart(BUNDLE, 1, runs::incrementAndGet);
        claims.ahead(BUNDLE, 1, runs::incrementAndGet);
        assertEquals(1, runs.get());
        claims.forgetAhead();
        assertEquals(0, claims.size());
    }

    @Test
    void newContentIsPreparedAgain() {
        claims.ahead(BUNDLE, 1, runs::incrementAndGet);
        claims.forStart(BUNDLE, 2, runs::incrementAndGet);
        assertEquals(2, runs.get());
    }

    @Test
    void aStartWaitsForThePreparationUnderWayAhead() throws Exception {
        var begun = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread ahead = Thread.ofPlatform().start(() -> claims.ahead(BUNDLE, 1, () -> {
            begun.countDown();
            await(release);
            runs.incrementAndGet();
        }));
        assertTrue(begun.await(5, TimeUnit.SECONDS));
        Thread start = Thread.ofPlatform().start(() -> claims.forStart(BUNDLE, 1, runs::incrementAndGet));
        start.join(200);
        assertTrue(start.isAlive(), "the start waits for the preparation under way");
        release.countDown();
        start.join(5000);
        ahead.join(5000);
        assertEquals(1, runs.get(), "prepared once");
    }

    @Test
    void aContentForgottenAfterItWasPreparedAheadIsPreparedByItsStart() {
        claims.ahead(BUNDLE, 1, runs::incrementAndGet);
        claims.forgetAhead();
        assertEquals(0, claims.size(), "what was prepared ahead and never started is forgotten");
        claims.forStart(BUNDLE, 1, runs::incrementAndGet);
        assertEquals(2, runs.get());
    }

    @Test
    void aFailedPreparationFailsTheStartThatWaitsForIt() {
        assertThrows(IllegalStateException.class, () -> claims.ahead(BUNDLE, 1, () -> {
            throw new IllegalStateException("broken");
        }));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> claims.forStart(BUNDLE, 1, runs::incrementAndGet));
        assertEquals("broken", failure.getMessage());
        assertEquals(0, runs.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
