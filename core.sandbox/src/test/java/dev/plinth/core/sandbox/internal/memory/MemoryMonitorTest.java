package dev.plinth.core.sandbox.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.settings.SettingsService;
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
            return bytes;
        }
    }

    @Test
    void aResourceWithinItsLimitIsRecorded() {
        accounts.open("modest", "lua", 1000);
        var modest = new Keeping("modest", 4 * MB);
        monitor.check(modest);
        assertEquals(4 * MB, accounts.snapshot("modest").orElseThrow().retainedBytes());
        assertEquals(List.of(), modest.stops);
    }

    @Test
    void aResourceKeepingMoreThanItsLimitIsStopped() {
        var hoarder = new Keeping("hoarder", 128 * MB);
        monitor.check(hoarder);
        assertEquals(List.of("it keeps 128.0 MB, more than its limit of 16.0 MB (max_memory_mb)"), hoarder.stops);
    }
}
