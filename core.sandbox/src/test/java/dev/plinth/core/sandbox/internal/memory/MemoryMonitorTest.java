package dev.plinth.core.sandbox.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.settings.SettingsService;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** The memory monitor records what each resource keeps in its account and stops one that keeps too much. */
class MemoryMonitorTest {

    private static final long MB = 1024 * 1024;

    private final AccountBook accounts = new AccountBook();
    private final LoggerFactory loggers = (LoggerFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LoggerFactory.class}, (proxy, method, args) -> Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Logger.class}, (p, m, a) -> null));
    private final MemoryMonitor monitor = new MemoryMonitor(accounts,
            new SettingsService(Optional.empty(), message -> { }), loggers);

    /** A resource keeping a given number of bytes. */
    private static final class Keeping extends HeapGuardTest.Keeper {
        private final long bytes;
        private int measures;

        Keeping(String name, long bytes) {
            super(name);
            this.bytes = bytes;
        }

        @Override
        public long limitBytes() {
            return 16 * MB;
        }

        @Override
        public long measure() {
            measures++;
            return bytes;
        }
    }

    @Test
    void anIdleResourceIsNotWalkedAgainUntilItRunsCodeOrItsRefreshIsDue() {
        var account = accounts.open("idle", "js", 1000);
        var idle = new Keeping("idle", 4 * MB);
        monitor.addResource(idle);

        monitor.round();
        monitor.round();
        monitor.round();
        assertEquals(1, idle.measures, "measured once while none of its code ran");

        account.charge(10, 1000, 512);
        monitor.round();
        assertEquals(2, idle.measures, "a call ran: measured again");

        for (int round = 0; round < MeasureRounds.REFRESH_ROUNDS; round++) {
            monitor.round();
        }
        assertEquals(3, idle.measures, "measured anyway every " + MeasureRounds.REFRESH_ROUNDS + " rounds");
        assertEquals(4 * MB, accounts.snapshot("idle").orElseThrow().retainedBytes());
    }

    @Test
    void aResourceThatKeepsGrowingWhileItRunsIsStoppedAtTheNextRound() {
        var account = accounts.open("grower", "lua", 1000);
        var kept = new long[] {MB};
        var grower = new HeapGuardTest.Keeper("grower") {
            @Override
            public long limitBytes() {
                return 16 * MB;
            }

            @Override
            public long measure() {
                return kept[0];
            }
        };
        monitor.addResource(grower);
        monitor.round();
        kept[0] = 64 * MB;
        account.charge(10, 1000, 64 * MB);
        monitor.round();
        assertEquals(List.of("it keeps 64.0 MB, more than its limit of 16.0 MB (max_memory_mb)"), grower.stops);
    }

    @Test
    void aResourceWithoutAnAccountIsMeasuredEveryRound() {
        var unaccounted = new Keeping("unaccounted", MB);
        monitor.addResource(unaccounted);
        monitor.round();
        monitor.round();
        assertEquals(2, unaccounted.measures);
    }

    @Test
    void aResourceWithinItsLimitIsRecorded() {
        accounts.open("modest", "lua", 1000);
        var modest = new Keeping("modest", 4 * MB);
        monitor.addResource(modest);
        monitor.check(modest);
        assertEquals(4 * MB, accounts.snapshot("modest").orElseThrow().retainedBytes());
        assertEquals(List.of(), modest.stops);
    }

    @Test
    void aResourceKeepingMoreThanItsLimitIsStopped() {
        var hoarder = new Keeping("hoarder", 128 * MB);
        monitor.addResource(hoarder);
        monitor.check(hoarder);
        assertEquals(List.of("it keeps 128.0 MB, more than its limit of 16.0 MB (max_memory_mb)"), hoarder.stops);
    }

    @Test
    void aResourceThatStopsWhileItIsMeasuredIsLetGo() throws InterruptedException {
        accounts.open("reloading", "js", 1000);
        WeakReference<StoppedWhileMeasured> gone = stopWhileMeasured();
        for (int i = 0; i < 20 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        // the monitor kept it (and, for a JavaScript resource, its whole context) after its host let it go
        assertNull(gone.get(), "the monitor still holds a resource that stopped while it was measured");
    }

    /** A resource whose host stops it while the monitor measures it, as a hot reload does; no reference kept. */
    private WeakReference<StoppedWhileMeasured> stopWhileMeasured() {
        var reloading = new StoppedWhileMeasured(monitor);
        monitor.addResource(reloading);
        monitor.check(reloading);
        return new WeakReference<>(reloading);
    }

    /** A resource that its host stops (the monitor lets it go) while the monitor measures it. */
    private static final class StoppedWhileMeasured extends HeapGuardTest.Keeper {
        private final MemoryMonitor monitor;

        StoppedWhileMeasured(MemoryMonitor monitor) {
            super("reloading");
            this.monitor = monitor;
        }

        @Override
        public long limitBytes() {
            return 16 * MB;
        }

        @Override
        public long measure() {
            monitor.removeResource(this);
            return 4 * MB;
        }
    }
}
