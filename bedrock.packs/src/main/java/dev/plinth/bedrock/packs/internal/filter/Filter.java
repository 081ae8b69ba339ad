package dev.plinth.bedrock.packs.internal.filter;

import dev.plinth.bedrock.molang.MolangExpression;
import java.util.List;
import java.util.Optional;

/**
 * A Bedrock filter ({@code filters} of events, sensors, spawn rules, loot): tests combined with {@code all_of},
 * {@code any_of} and {@code none_of}. Immutable; evaluated by {@link Filters}.
 */
public sealed interface Filter {

    /** The filter that always passes (an empty object). */
    Filter ALWAYS = new AllOf(List.of());

    /**
     * Every one passes.
     *
     * @param filters the filters
     */
    record AllOf(List<Filter> filters) implements Filter {}

    /**
     * At least one passes.
     *
     * @param filters the filters
     */
    record AnyOf(List<Filter> filters) implements Filter {}

    /**
     * None passes.
     *
     * @param filters the filters
     */
    record NoneOf(List<Filter> filters) implements Filter {}

    /**
     * One test.
     *
     * @param test its kind ({@code is_family})
     * @param subject whom it looks at ({@code self}, {@code other}, {@code target}, {@code player}...)
     * @param operator how it compares
     * @param domain what it looks at within the subject ({@code hand}, a property name), may be empty
     * @param value what it compares with, as written ({@code "monster"}, 3, true)
     * @param molang the value as Molang when it is a string that only Molang makes sense of, for number tests
     */
    record Test(String test, String subject, Operator operator, String domain, Object value,
            Optional<MolangExpression> molang) implements Filter {}
}
