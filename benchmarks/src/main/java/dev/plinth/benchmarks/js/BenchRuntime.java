package dev.plinth.benchmarks.js;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.memory.AllocationCounter;
import dev.plinth.lang.js.internal.engine.AllocationWatch;
import dev.plinth.lang.js.internal.engine.ContextReserve;
import dev.plinth.lang.js.internal.engine.JsLimits;
import dev.plinth.lang.js.internal.engine.JsRuntime;
import dev.plinth.lang.js.internal.engine.JsScript;
import dev.plinth.lang.js.internal.engine.SharedEngine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the JavaScript benchmarks run on, as the host builds it: the shared engine and its reserve of blank contexts,
 * core.sandbox's watchdog and accounts, the allocation guard. Limits are raised so that nothing interrupts a measurement.
 */
final class BenchRuntime implements AutoCloseable {

    private final SharedEngine engine = SharedEngine.create();
    private final WatchdogService watchdog = new WatchdogService(message -> { });
    private final AllocationWatch allocations = new AllocationWatch(AllocationCounter.platform());
    private final AccountBook accounts = new AccountBook();
    /** Blank contexts made ahead on a thread of their own, as the host makes them. */
    private final ExecutorService filler = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
    private final ContextReserve contexts = ContextReserve.of(engine, filler, 1);
    private final JsRuntime runtime = new JsRuntime(engine, contexts, watchdog, allocations);

    BenchRuntime() {
        watchdog.start();
        allocations.open();
    }

    /** A resource's context with the given files, limits out of the way. */
    JsScript script(String resource, Map<String, String> files) {
        return script(resource, files, accounts.open(resource, "js", Long.MAX_VALUE));
    }

    /** A resource's context with the given files and account, limits out of the way. */
    JsScript script(String resource, Map<String, String> files, Account account) {
        return JsScript.builder(resource, runtime, new MemoryModules(files), account)
                .withLimits(JsLimits.defaults().withStatementsPerCall(Long.MAX_VALUE / 4).withStatementsPerTick(Long.MAX_VALUE / 4)
                        .withCallTimeout(Duration.ofSeconds(60)).withMaxCallAllocMb(1L << 20))
                .build();
    }

    /** {@return the shared engine} */
    SharedEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        allocations.close();
        watchdog.stop();
        contexts.close();
        filler.shutdown();
        engine.close();
    }
}
