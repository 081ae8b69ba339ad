package dev.plinth.core.runtime.internal.form;

import dev.plinth.core.runtime.form.CustomForm;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormElement;
import dev.plinth.core.runtime.form.ModalForm;
import dev.plinth.core.runtime.form.SimpleForm;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Forms as one line of text, for the simulated player's inbox. */
final class FormText {

    private FormText() {}

    static String describe(Form form) {
        return switch (form) {
            case SimpleForm simple -> "simple '" + simple.title() + "': " + simple.content() + " "
                    + IntStream.range(0, simple.buttons().size())
                            .mapToObj(i -> "[" + i + "] " + simple.buttons().get(i))
                            .collect(Collectors.joining(" "));
            case ModalForm modal -> "modal '" + modal.title() + "': " + modal.content() + " [yes] " + modal.yes()
                    + " [no] " + modal.no();
            case CustomForm custom -> "custom '" + custom.title() + "': " + custom.elements().stream()
                    .map(FormText::describe)
                    .collect(Collectors.joining(", "));
        };
    }

    private static String describe(FormElement element) {
        return switch (element) {
            case FormElement.Label label -> "label '" + label.text() + "'";
            case FormElement.Input input -> "input '" + input.label() + "'";
            case FormElement.Toggle toggle -> "toggle '" + toggle.label() + "'";
            case FormElement.Slider slider -> "slider '" + slider.label() + "' " + slider.min() + ".." + slider.max();
            case FormElement.Dropdown dropdown -> "dropdown '" + dropdown.label() + "' " + dropdown.options();
        };
    }
}
