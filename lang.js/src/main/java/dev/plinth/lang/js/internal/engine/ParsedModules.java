package dev.plinth.lang.js.internal.engine;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Source;

/**
 * The module sources parsed for a resource before its start ({@link SharedEngine#parse}: a hot reload's preparation,
 * the pre-parsing of a resolved bundle, the preparation of a start), kept until that start is over. The engine keeps
 * a parse in its cache only while the source object it parsed is referenced (the cache's keys are weak), so a parse
 * done in a throwaway context serves the start (an equal source finds it) only while someone holds the source: a
 * collection in between would otherwise make the start, on the game thread, parse the module again.
 *
 * <p>At most one set per resource name: a newer parse replaces the older one. Thread-safe.
 */
final class ParsedModules {

    private final ConcurrentHashMap<String, List<Source>> kept = new ConcurrentHashMap<>();

    /**
     * Keeps the sources parsed for a resource, in place of those kept before.
     *
     * @param resource the resource name
     * @param sources what was parsed
     */
    void keep(String resource, List<Source> sources) {
        kept.put(resource, List.copyOf(sources));
    }

    /**
     * Whether sources parsed for a resource are kept (its next start finds them parsed).
     *
     * @param resource the resource name
     * @return whether they are
     */
    boolean holds(String resource) {
        return kept.containsKey(resource);
    }

    /**
     * Lets the sources of a resource go: its start is over (the running context holds what it evaluated) or it
     * stopped.
     *
     * @param resource the resource name
     */
    void release(String resource) {
        kept.remove(resource);
    }
}
