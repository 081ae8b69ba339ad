package dev.plinth.bedrock.molang;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The queries a host answers, by name: the registry expressions are compiled against. Each {@code query.NAME} (or
 * {@code q.NAME}) of an expression is looked up once, when it is compiled; a name that is not here evaluates to 0
 * and is listed in {@link MolangExpression#diagnostics()}, as Bedrock does, and never fails the compilation.
 *
 * <p>A query that does much work per call (scans blocks or entities) declares a cost, in loop iterations: each call
 * takes that many from the evaluation's iteration limit, so that no loop can call it without bound.
 *
 * <p>Immutable and thread-safe. Extend a registry with {@link #toBuilder()}: the behavior-pack host adds its own
 * queries to the entity queries of the simulated world this way.
 *
 * @param queries name (lower case, without {@code query.}) to query
 * @param costs name to the iterations one call costs, for the queries that cost more than nothing
 */
public record MolangQueries(Map<String, MolangQuery> queries, Map<String, Integer> costs) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final MolangQueries NONE = new MolangQueries(Map.of());

    /**
     * Validates and copies the registry, names in lower case.
     *
     * @throws IllegalArgumentException when a name is not a Molang name, two names differ only in letter case, or
     *     a cost is negative or names no query of the registry
     * @throws NullPointerException when a name, query or cost is null
     */
    public MolangQueries {
        var copy = new TreeMap<String, MolangQuery>();
        for (var entry : queries.entrySet()) {
            String name = normalize(entry.getKey());
            if (copy.put(name, requireNonNull(entry.getValue(), "query")) != null) {
                throw new IllegalArgumentException("query '" + name + "' is registered twice");
            }
        }
        var prices = new TreeMap<String, Integer>();
        for (var entry : costs.entrySet()) {
            String name = normalize(entry.getKey());
            int cost = requireNonNull(entry.getValue(), "cost");
            if (cost < 0 || !copy.containsKey(name)) {
                throw new IllegalArgumentException("a cost of query '" + name + "' must be at least 0 and name a "
                        + "registered query, not " + cost);
            }
            if (cost > 0) {
                prices.put(name, cost);
            }
        }
        queries = Collections.unmodifiableMap(copy);
        costs = Collections.unmodifiableMap(prices);
    }

    /**
     * A registry whose queries cost nothing.
     *
     * @param queries name to query
     * @throws IllegalArgumentException when a name is not a Molang name or two names differ only in letter case
     */
    public MolangQueries(Map<String, MolangQuery> queries) {
        this(queries, Map.of());
    }

    /**
     * The empty registry: every query evaluates to 0.
     *
     * @return no queries
     */
    public static MolangQueries none() {
        return NONE;
    }

    /**
     * Starts an empty registry.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(Map.of(), Map.of());
    }

    /**
     * Starts a registry holding these queries, to add to or replace some.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(queries, costs);
    }

    /**
     * Finds a query.
     *
     * @param name with or without {@code query.} / {@code q.}, any letter case
     * @return the query, or empty when none has that name
     */
    public Optional<MolangQuery> find(String name) {
        return Optional.ofNullable(queries.get(key(name)));
    }

    /**
     * What one call of a query costs.
     *
     * @param name with or without {@code query.} / {@code q.}, any letter case
     * @return the loop iterations it takes from the evaluation's limit, 0 for most
     */
    public int cost(String name) {
        return costs.getOrDefault(key(name), 0);
    }

    private static String key(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return key.startsWith("query.") ? key.substring(6) : key.startsWith("q.") ? key.substring(2) : key;
    }

    private static String normalize(String name) {
        String key = key(name);
        if (!NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a query name: letters, digits and _ , "
                    + "not starting with a digit");
        }
        return key;
    }

    /**
     * Collects queries; a later registration of a name replaces the earlier one.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, MolangQuery> queries = new TreeMap<>();
        private final Map<String, Integer> costs = new TreeMap<>();

        Builder(Map<String, MolangQuery> start, Map<String, Integer> startCosts) {
            queries.putAll(start);
            costs.putAll(startCosts);
        }

        /**
         * Adds (or replaces) a query, which costs nothing until {@link #withCost} says otherwise.
         *
         * @param name the name, with or without {@code query.}
         * @param query the query
         * @return this builder
         * @throws IllegalArgumentException when the name is not a Molang name
         */
        public Builder with(String name, MolangQuery query) {
            String key = normalize(name);
            queries.put(key, requireNonNull(query, "query"));
            costs.remove(key);
            return this;
        }

        /**
         * Adds a query that yields a number.
         *
         * @param name the name, with or without {@code query.}
         * @param query the query
         * @return this builder
         * @throws IllegalArgumentException when the name is not a Molang name
         */
        public Builder withNumber(String name, MolangQuery.OfNumber query) {
            return with(name, query);
        }

        /**
         * Adds a query that yields a string.
         *
         * @param name the name, with or without {@code query.}
         * @param query the query
         * @return this builder
         * @throws IllegalArgumentException when the name is not a Molang name
         */
        public Builder withText(String name, MolangQuery.OfText query) {
            return with(name, query);
        }

        /**
         * Adds a query that yields any value.
         *
         * @param name the name, with or without {@code query.}
         * @param query the query
         * @return this builder
         * @throws IllegalArgumentException when the name is not a Molang name
         */
        public Builder withValue(String name, MolangQuery.OfValue query) {
            return with(name, query);
        }

        /**
         * Adds (or replaces) every query of another registry.
         *
         * @param others the other registry
         * @return this builder
         */
        public Builder withAll(MolangQueries others) {
            for (String name : others.queries().keySet()) {
                costs.remove(name);
            }
            queries.putAll(others.queries());
            costs.putAll(others.costs());
            return this;
        }

        /**
         * Sets what one call of a query costs: the loop iterations it takes from the evaluation's limit.
         *
         * @param name the name of a query registered in this builder
         * @param iterations at least 0
         * @return this builder
         * @throws IllegalArgumentException when the cost is negative (the query is checked by {@link #build()})
         */
        public Builder withCost(String name, int iterations) {
            if (iterations < 0) {
                throw new IllegalArgumentException("a query's cost is at least 0, not " + iterations);
            }
            costs.put(normalize(name), iterations);
            return this;
        }

        /**
         * Makes the registry.
         *
         * @return the queries collected so far
         */
        public MolangQueries build() {
            return new MolangQueries(queries, costs);
        }
    }
}
