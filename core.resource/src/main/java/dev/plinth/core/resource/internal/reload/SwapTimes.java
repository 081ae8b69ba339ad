package dev.plinth.core.resource.internal.reload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one hot swap held the game thread, phase by phase, in nanoseconds: what {@code core:hotReload:complete}
 * reports as {@code swapMs} and, phase by phase, as {@code swapPhasesMs}, so that a reload that blocks a tick for too
 * long says what it blocked it with.
 *
 * @param save the running versions handing their state over (the resource's and its dependents')
 * @param stop the dependents and then the resource stopping (their hosts dropping their runtimes, their
 *     registrations going)
 * @param update the framework updating the bundle with the new content and refreshing its wiring (none when the
 *     content did not change)
 * @param start the new version starting: resolving its bundle, its host loading it
 * @param handOver the new version getting its state back, its {@code onReload}, and the players online replayed to it
 * @param dependents the dependents starting again, each with its state, {@code onDependencyReload} and replay
 */
public record SwapTimes(long save, long stop, long update, long start, long handOver, long dependents) {

    /** {@return the whole swap, in nanoseconds} */
    public long total() {
        return save + stop + update + start + handOver + dependents;
    }

    /** {@return each phase in milliseconds, rounded to hundredths, in the order of the swap} */
    public Map<String, Object> millis() {
        var phases = new LinkedHashMap<String, Object>();
        phases.put("save", rounded(save));
        phases.put("stop", rounded(stop));
        phases.put("update", rounded(update));
        phases.put("start", rounded(start));
        phases.put("handOver", rounded(handOver));
        phases.put("dependents", rounded(dependents));
        return phases;
    }

    /** Nanoseconds as milliseconds rounded to hundredths. */
    static double rounded(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
