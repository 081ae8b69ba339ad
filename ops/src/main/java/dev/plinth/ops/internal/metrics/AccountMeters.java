package dev.plinth.ops.internal.metrics;

import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.Accounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The script resources' accounts (core.sandbox) as metrics, per resource and language: {@code
 * plinth_resource_cpu_seconds_total} (time of its calls and of those made on its behalf), {@code
 * plinth_resource_work_total} (Lua instructions, JS statements, WASM fuel), {@code plinth_resource_calls_total},
 * {@code plinth_resource_allocated_bytes_total}, {@code plinth_resource_offences_total} and the gauge {@code
 * plinth_resource_retained_bytes}. A stopped resource keeps its last values (counters never go backwards while the
 * server runs); a restarted one starts a new account, which Prometheus reads as a counter reset.
 *
 * <p>{@link #refresh()} runs before each scrape; thread-safe.
 */
final class AccountMeters {

    private final MeterRegistry registry;
    private final Accounts accounts;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, AccountSnapshot> last = Map.of();

    AccountMeters(MeterRegistry registry, Accounts accounts) {
        this.registry = registry;
        this.accounts = accounts;
    }

    synchronized void refresh() {
        Map<String, AccountSnapshot> now = new HashMap<>(last);
        for (AccountSnapshot snapshot : accounts.snapshots()) {
            now.put(snapshot.resource(), snapshot);
        }
        last = now;
        for (AccountSnapshot snapshot : now.values()) {
            if (registered.add(snapshot.resource())) {
                register(snapshot.resource(), snapshot.language());
            }
        }
    }

    private void register(String resource, String language) {
        counter("plinth.resource.cpu", resource, language, s -> s.nanos() / 1e9,
                "Time of the resource's calls and of the calls it caused, in seconds", "seconds");
        counter("plinth.resource.work", resource, language, AccountSnapshot::work,
                "Work of the resource's calls in its host's units: Lua instructions, JS statements, WASM fuel", null);
        counter("plinth.resource.calls", resource, language, AccountSnapshot::calls,
                "Calls into the resource: handlers, commands, tasks, exported functions", null);
        counter("plinth.resource.allocated", resource, language, AccountSnapshot::allocatedBytes,
                "Bytes the resource's calls allocated", "bytes");
        counter("plinth.resource.offences", resource, language, AccountSnapshot::offences,
                "The resource's calls aborted for breaking a limit", null);
        Gauge.builder("plinth.resource.retained", this, m -> value(m, resource, AccountSnapshot::retainedBytes))
                .description("Memory the resource keeps, as its host last measured it (0 before the first measure)")
                .baseUnit("bytes")
                .tags("resource", resource, "language", language)
                .register(registry);
    }

    private void counter(String name, String resource, String language, ToDoubleFunction<AccountSnapshot> value,
            String description, String unit) {
        var builder = FunctionCounter.builder(name, this, m -> value(m, resource, value))
                .description(description)
                .tags("resource", resource, "language", language);
        if (unit != null) {
            builder.baseUnit(unit);
        }
        builder.register(registry);
    }

    private static double value(AccountMeters meters, String resource, ToDoubleFunction<AccountSnapshot> value) {
        AccountSnapshot snapshot = meters.last.get(resource);
        return snapshot == null ? 0 : value.applyAsDouble(snapshot);
    }
}
