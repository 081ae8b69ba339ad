package dev.plinth.ops.internal.resmon;

import dev.plinth.core.runtime.tick.TickObserver;
import dev.plinth.core.runtime.tick.TickStatistics;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.Accounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The resource monitor: at the end of every tick it reads the accounts of core.sandbox (one per running script
 * resource, whatever its language: the time, work and allocation of every call charged to it, 'caller pays') and
 * keeps each resource's time per tick over the last 100 ticks. {@link #costs()} gives the {@code resource:top} table,
 * slowest first. Java plugins have no account: their cost is not measured here ({@code event:stats} shows their event
 * handlers).
 *
 * <p>{@link #tickEnded} runs on the game thread; {@link #costs()} on any thread (both synchronized; a tick reads one
 * snapshot per running resource).
 */
@Component(service = {ResourceMonitor.class, TickObserver.class})
public final class ResourceMonitor implements TickObserver {

    private final Accounts accounts;
    private final Map<String, TickWindow> windows = new HashMap<>();
    private long tick;

    /**
     * Creates the monitor.
     *
     * @param accounts the resources' accounts
     */
    @Activate
    public ResourceMonitor(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void tickEnded(long tick, long durationNanos) {
        this.tick = tick;
        Map<String, TickWindow> running = new HashMap<>();
        for (AccountSnapshot snapshot : accounts.snapshots()) {
            TickWindow window = windows.getOrDefault(snapshot.resource(), new TickWindow());
            window.tick(snapshot.nanos());
            running.put(snapshot.resource(), window);
        }
        windows.clear();
        windows.putAll(running);
    }

    /**
     * What every running script resource costs, slowest (mean per tick) first: its account now, its time per tick
     * as of the last tick (0 until a tick has seen it).
     *
     * @return one row per resource
     */
    public synchronized List<ResourceCost> costs() {
        List<ResourceCost> costs = new ArrayList<>();
        for (AccountSnapshot s : accounts.snapshots()) {
            TickWindow window = windows.get(s.resource());
            double mean = window == null ? 0 : window.meanNanos() / 1e6;
            double max = window == null ? 0 : window.maxNanos() / 1e6;
            costs.add(new ResourceCost(s.resource(), s.language(), mean, max, mean / TickStatistics.BUDGET_MS,
                    s.calls(), s.work(), s.allocatedBytes(), s.retainedBytes(), s.offences()));
        }
        costs.sort(Comparator.comparingDouble(ResourceCost::msPerTickMean).reversed()
                .thenComparing(Comparator.comparingLong(ResourceCost::work).reversed())
                .thenComparing(ResourceCost::resource));
        return costs;
    }

    /** {@return the last tick the monitor saw} */
    public synchronized long lastTick() {
        return tick;
    }
}
