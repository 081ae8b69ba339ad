package dev.plinth.lang.js.internal.engine;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.memory.AllocationCounter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The engine, its reserve of blank contexts (made on a thread of the runtime's own, as the host makes them), core.sandbox's
 * watchdog and accounts, and the allocation guard, shared by a test class.
 */
final class TestRuntime implements AutoCloseable {

    final JsRuntime runtime;
    private final WatchdogService watchdog = new WatchdogService(message -> { });
    private final AccountBook accounts = new AccountBook();
    private final AllocationWatch allocations = new AllocationWatch(AllocationCounter.platform());
    private final SharedEngine engine;
    private final ExecutorService filler = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
    private final ContextReserve contexts;

    TestRuntime() {
        this(SharedEngine.create());
    }

    /** With an engine of the test's own (one that logs its parse cache, say); closed with this runtime. */
    TestRuntime(SharedEngine engine) {
        this.engine = engine;
        watchdog.start();
        allocations.open();
        contexts = ContextReserve.of(engine, filler, 1);
        runtime = new JsRuntime(engine, contexts, watchdog, allocations);
    }

    /** A fresh account for a resource (the previous one of the same name is replaced). */
    Account account(String resource, long statementsPerTick) {
        return accounts.open(resource, "js", statementsPerTick);
    }

    /** A resource's context builder with a fresh account, and room for a slow first call on a loaded machine. */
    JsScript.Builder builder(String resource, ModuleRoots roots) {
        return JsScript.builder(resource, runtime, roots, account(resource, Long.MAX_VALUE / 4))
                .withLimits(JsLimits.defaults().withCallTimeout(java.time.Duration.ofSeconds(10)));
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
