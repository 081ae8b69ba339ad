package dev.plinth.bedrock.packs.internal.filter;

import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.definition.Reading;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Bedrock filters: an object with {@code test}, an object of {@code all_of} / {@code any_of} /
 * {@code none_of} (and the older shorthand such as {@code other_with_families}), an array (all of its elements), or
 * an empty object (always passes). Tests Plinth does not simulate are kept (they do not pass) and noted.
 */
public final class FilterReader {

    private FilterReader() {}

    /**
     * Reads a filter.
     *
     * @param value the JSON value; missing reads as {@link Filter#ALWAYS}
     * @param reading the pack being read
     * @return the filter
     * @throws dev.plinth.bedrock.packs.internal.json.JsonProblem when it is malformed
     */
    public static Filter read(Json value, Reading reading) {
        if (!value.present()) {
            return Filter.ALWAYS;
        }
        if (value.isArray()) {
            return new Filter.AllOf(list(value, reading));
        }
        if (!value.isObject()) {
            throw value.problem("expected a filter (an object or an array), found " + value.describe());
        }
        if (value.get("test").present()) {
            return test(value, reading);
        }
        var parts = new ArrayList<Filter>();
        for (Map.Entry<String, Json> field : value.fields().entrySet()) {
            switch (field.getKey()) {
                case "all_of", "AND" -> parts.add(new Filter.AllOf(list(field.getValue(), reading)));
                case "any_of", "OR" -> parts.add(new Filter.AnyOf(list(field.getValue(), reading)));
                case "none_of" -> parts.add(new Filter.NoneOf(list(field.getValue(), reading)));
                default -> parts.add(legacy(field.getKey(), field.getValue(), reading));
            }
        }
        return parts.size() == 1 ? parts.getFirst() : new Filter.AllOf(parts);
    }

    /**
     * A key of the older filter shorthand, which Mojang's own packs still use: {@code "other_with_families":
     * "lightning"} is an {@code is_family} test of {@code other} ({@code self_with_families} and the other subjects
     * likewise, any of several families). Another key is kept as a test that never passes, and noted.
     */
    private static Filter legacy(String key, Json value, Reading reading) {
        int at = key.indexOf("_with_families");
        if (at > 0 && SUBJECTS.contains(key.substring(0, at))) {
            String subject = key.substring(0, at);
            return new Filter.AnyOf(value.texts().stream()
                    .<Filter>map(family -> new Filter.Test("is_family", subject, Operator.EQUALS, "", family,
                            Optional.empty()))
                    .toList());
        }
        reading.keep("filter key " + key);
        return new Filter.Test(key, "self", Operator.EQUALS, "", value.node().toString(), Optional.empty());
    }

    private static List<Filter> list(Json value, Reading reading) {
        return value.elements().stream().map(element -> read(element, reading)).toList();
    }

    private static Filter test(Json value, Reading reading) {
        String test = value.get("test").text();
        String subject = value.get("subject").optionalText().orElse("self");
        Json operatorJson = value.get("operator");
        Operator operator = operatorJson.present()
                ? Operator.parse(operatorJson.text()).orElseThrow(() -> operatorJson.problem("unknown operator '"
                        + operatorJson.text() + "': use ==, !=, <, <=, >, >=, equals or not"))
                : Operator.EQUALS;
        String domain = value.get("domain").optionalText().orElse("");
        Json raw = value.get("value");
        Object expected;
        Optional<MolangExpression> molang = Optional.empty();
        if (!raw.present()) {
            expected = Boolean.TRUE;
        } else if (raw.node().isBoolean()) {
            expected = raw.node().booleanValue();
        } else if (raw.isNumber()) {
            expected = raw.number();
        } else if (raw.isText()) {
            expected = raw.text();
            if (Filters.NUMBER_TESTS.contains(test)) {
                molang = Optional.of(reading.expression(raw));
            }
        } else {
            throw raw.problem("a filter's value is a string, a number or a boolean, found " + raw.describe());
        }
        if (!Filters.SIMULATED.contains(test)) {
            reading.keep("filter test " + test);
        }
        if (!SUBJECTS.contains(subject)) {
            throw value.get("subject").problem("unknown subject '" + subject + "': use " + String.join(", ", SUBJECTS));
        }
        return new Filter.Test(test, subject, operator, domain, expected, molang);
    }

    private static final List<String> SUBJECTS = List.of("self", "other", "target", "player", "parent", "damager",
            "block", "baby");
}
