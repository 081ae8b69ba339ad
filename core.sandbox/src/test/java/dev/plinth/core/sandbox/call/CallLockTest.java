package dev.plinth.core.sandbox.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The lock of a resource's calls: one holder, a bounded wait, an interruptible wait, no release by a stranger. */
class CallLockTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void theHolderIsTheOnlyThreadThatHoldsIt() throws Exception {
        var lock = new CallLock();
        assertFalse(lock.heldByCurrentThread());
        assertTrue(lock.tryLock(SECOND));
        assertTrue(lock.heldByCurrentThread());
        assertFalse(CompletableFuture.supplyAsync(lock::heldByCurrentThread).get(10, TimeUnit.SECONDS));
        lock.unlock();
        assertFalse(lock.heldByCurrentThread());
    }

    @Test
    void aWaiterGivesUpAtItsDeadlineAndGetsItOnceReleased() throws Exception {
        var lock = new CallLock();
        assertTrue(lock.tryLock(SECOND));
        long start = System.nanoTime();
        assertFalse(CompletableFuture.supplyAsync(() -> tryLock(lock, TimeUnit.MILLISECONDS.toNanos(50)))
                .get(10, TimeUnit.SECONDS), "taken by another thread for longer than the wait");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50), "it waited its whole time");

        var waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            boolean got = tryLock(lock, 10 * SECOND);
            if (got) {
                lock.unlock();
            }
            return got;
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        Thread.sleep(20);
        lock.unlock();
        assertTrue(waiter.get(10, TimeUnit.SECONDS), "the waiter took it after the release");
    }

    @Test
    void anInterruptedWaiterStopsWaiting() throws Exception {
        var lock = new CallLock();
        assertTrue(lock.tryLock(SECOND));
        var failure = new AtomicReference<Throwable>();
        Thread waiter = Thread.ofPlatform().name("waiter").start(() -> {
            try {
                lock.tryLock(60 * SECOND);
            } catch (InterruptedException e) {
                failure.set(e);
            }
        });
        Thread.sleep(20);
        waiter.interrupt();
        waiter.join(Duration.ofSeconds(10));
        assertFalse(waiter.isAlive());
        assertTrue(failure.get() instanceof InterruptedException, String.valueOf(failure.get()));
        lock.unlock();
    }

    @Test
    void onlyTheHolderReleasesIt() throws Exception {
        var lock = new CallLock();
        assertTrue(lock.tryLock(SECOND));
        var stranger = CompletableFuture.runAsync(lock::unlock);
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> stranger.get(10, TimeUnit.SECONDS));
        assertEquals(IllegalStateException.class, e.getCause().getClass());
        assertTrue(lock.heldByCurrentThread(), "still held by its owner");
        lock.unlock();
    }

    private static boolean tryLock(CallLock lock, long nanos) {
        try {
            return lock.tryLock(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
