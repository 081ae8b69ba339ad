package dev.plinth.core.runtime.internal.form;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plinth.core.runtime.config.ParseProblem;
import dev.plinth.core.runtime.form.CustomForm;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormElement;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.form.ModalForm;
import dev.plinth.core.runtime.form.SimpleForm;
import dev.plinth.core.runtime.simulation.SimulationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a simulated player chose ({@code sim:form NAME ID CHOICE}) into the response a form's sender gets,
 * checking it against the form: a button index for a simple form, {@code yes} / {@code no} for a modal form, a
 * JSON array with one value per input for a custom form, or {@code close} for any.
 */
public final class FormAnswer {

    private FormAnswer() {}

    /**
     * Reads a choice.
     *
     * @param form the form answered
     * @param choice what the player chose
     * @return the response
     * @throws SimulationException when the choice does not fit the form
     */
    public static FormResponse parse(Form form, String choice) {
        String text = choice.strip();
        if (text.equalsIgnoreCase("close")) {
            return new FormResponse.Closed();
        }
        return switch (form) {
            case SimpleForm simple -> button(simple, text);
            case ModalForm modal -> switch (text.toLowerCase(Locale.ROOT)) {
                case "yes", "true" -> new FormResponse.ModalAnswered(true);
                case "no", "false" -> new FormResponse.ModalAnswered(false);
                default -> throw invalid("a modal form is answered with yes, no or close, not '" + text + "'");
            };
            case CustomForm custom -> submit(custom, text);
        };
    }

    private static FormResponse button(SimpleForm form, String text) {
        try {
            int index = Integer.parseInt(text);
            if (index >= 0 && index < form.buttons().size()) {
                return new FormResponse.ButtonPressed(index, form.buttons().get(index));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("a simple form is answered with a button index from 0 to " + (form.buttons().size() - 1)
                + " or close, not '" + text + "'");
    }

    private static FormResponse submit(CustomForm form, String text) {
        JsonNode values;
        try {
            values = JsonMapper.builder().build().readTree(text);
        } catch (JacksonException e) {
            throw invalid("a custom form is answered with a JSON array such as [\"Steve\", true, 3]: "
                    + ParseProblem.of(e).reason());
        }
        List<FormElement> inputs = form.elements().stream().filter(e -> !(e instanceof FormElement.Label)).toList();
        if (values == null || !values.isArray() || values.size() != inputs.size()) {
            throw invalid("this custom form needs a JSON array of " + inputs.size() + " values, one per input");
        }
        var answers = new ArrayList<Object>();
        for (int i = 0; i < inputs.size(); i++) {
            answers.add(value(inputs.get(i), values.get(i), i));
        }
        return new FormResponse.Submitted(answers);
    }

    private static Object value(FormElement element, JsonNode value, int index) {
        return switch (element) {
            case FormElement.Input input when value.isTextual() -> value.asText();
            case FormElement.Toggle toggle when value.isBoolean() -> value.asBoolean();
            case FormElement.Slider slider when value.isNumber() && value.asDouble() >= slider.min()
                    && value.asDouble() <= slider.max() -> value.asDouble();
            case FormElement.Dropdown dropdown when value.canConvertToInt() && value.isIntegralNumber()
                    && value.asInt() >= 0 && value.asInt() < dropdown.options().size() -> value.asInt();
            default -> throw invalid("value " + index + " (" + value + ") does not fit " + element);
        };
    }

    private static SimulationException invalid(String message) {
        return new SimulationException(SimulationException.INVALID_ARGUMENT, message);
    }
}
