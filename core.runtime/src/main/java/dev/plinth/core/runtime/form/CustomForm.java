package dev.plinth.core.runtime.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A form of inputs, toggles, sliders, dropdowns and labels; answered with {@link FormResponse.Submitted}.
 *
 * @param title the title
 * @param elements the elements, top to bottom
 */
public record CustomForm(String title, List<FormElement> elements) implements Form {

    /** Copies the elements. */
    public CustomForm {
        Objects.requireNonNull(title, "title");
        elements = List.copyOf(elements);
    }

    /**
     * An empty form.
     *
     * @param title the title
     * @return the form
     */
    public static CustomForm of(String title) {
        return new CustomForm(title, List.of());
    }

    /**
     * This form with one more element.
     *
     * @param element the element
     * @return the new form
     */
    public CustomForm with(FormElement element) {
        var more = new ArrayList<>(elements);
        more.add(Objects.requireNonNull(element, "element"));
        return new CustomForm(title, more);
    }

    /**
     * This form with a text field.
     *
     * @param label the label
     * @param placeholder the hint
     * @return the new form
     */
    public CustomForm withInput(String label, String placeholder) {
        return with(new FormElement.Input(label, placeholder, ""));
    }

    /**
     * This form with a switch.
     *
     * @param label the label
     * @param defaultValue the initial state
     * @return the new form
     */
    public CustomForm withToggle(String label, boolean defaultValue) {
        return with(new FormElement.Toggle(label, defaultValue));
    }

    /**
     * This form with a slider.
     *
     * @param label the label
     * @param min the lowest value
     * @param max the highest value
     * @return the new form, stepping by 1 and starting at {@code min}
     */
    public CustomForm withSlider(String label, double min, double max) {
        return with(new FormElement.Slider(label, min, max, 1, min));
    }

    /**
     * This form with a dropdown.
     *
     * @param label the label
     * @param options the choices; the first is chosen initially
     * @return the new form
     */
    public CustomForm withDropdown(String label, List<String> options) {
        return with(new FormElement.Dropdown(label, options, 0));
    }

    /**
     * This form with a text.
     *
     * @param text the text
     * @return the new form
     */
    public CustomForm withLabel(String text) {
        return with(new FormElement.Label(text));
    }
}
