package dev.plinth.lang.js.internal.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Source;

/**
 * The module sources parsed for a resource before its start ({@link SharedEngine#parse}: a hot reload's preparation,
 * the pre-parsing of a resolved bundle, the preparation of a start), kept until that start is over. The engine keeps
 * a parse in its cache only while the source object it parsed is referenced (the cache's keys are weak), so a parse
 * done in a throwaway context serves the start (an equal source finds it) only while someone holds the source: a
 * collection in between would otherwise make the start, on the game thread, parse the module again.
 *
 * <p>One set per resource name, by module path: a newer parse of a module replaces the older one, and the modules of
 * several parses (a preparation parses the server modules, then the others) add up until the start. Thread-safe.
 */
final class ParsedModules {

    private final ConcurrentHashMap<String, Map<String, Source>> kept = new ConcurrentHashMap<>();

    /**
     * Keeps the sources parsed for a resource, in place of those kept before for the same modules.
     *
     * @param resource the resource name
     * @param sources what was parsed, by module path
     */
    void keep(String resource, Map<String, Source> sources) {
        kept.merge(resource, Map.copyOf(sources), (held, added) -> {
            var both = new HashMap<>(held);
            both.putAll(added);
            return Map.copyOf(both);
        });
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
