package dev.plinth.core.runtime.internal.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code sim:form NAME ID CHOICE} was given, as the text a form answer is read from. One argument is taken as
 * it is ({@code 0}, {@code yes}, {@code close}, or a quoted {@code '["Steve", true, 5]'}). The shell splits an
 * unquoted JSON array ({@code ["Steve", true, 5]}) into its values, with the commas left on them, and Gogo's own
 * list syntax ({@code [Steve true 5]}) arrives as values: both are put back together as a JSON array, true and false
 * as booleans, numbers as numbers, anything else as a string.
 *
 * <p>Stateless.
 */
final class FormChoice {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private FormChoice() {}

    /**
     * The answer text.
     *
     * @param choice the arguments after the form's number
     * @return the text a form answer is read from
     */
    static String of(Object... choice) {
        if (choice.length == 1 && !(choice[0] instanceof Collection<?>) && !(choice[0] instanceof Object[])) {
            return String.valueOf(choice[0]);
        }
        var values = new ArrayList<String>();
        for (Object value : flatten(choice)) {
            String text = String.valueOf(value).strip();
            if (text.endsWith(",")) {
                text = text.substring(0, text.length() - 1).strip();
            }
            if (text.startsWith("[")) {
                text = text.substring(1).strip();
            }
            if (text.endsWith("]")) {
                text = text.substring(0, text.length() - 1).strip();
            }
            if (!text.isEmpty()) {
                values.add(value instanceof Boolean || value instanceof Number ? text : json(text));
            }
        }
        return "[" + String.join(", ", values) + "]";
    }

    private static List<Object> flatten(Object[] choice) {
        var values = new ArrayList<Object>();
        for (Object value : choice) {
            switch (value) {
                case Collection<?> many -> values.addAll(many);
                case Object[] many -> values.addAll(List.of(many));
                default -> values.add(value);
            }
        }
        return values;
    }

    private static String json(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false") || NUMBER.matcher(text).matches()) {
            return lower;
        }
        String unquoted = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
        return "\"" + unquoted.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
