package dev.plinth.core.runtime.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text and a list of buttons; answered with {@link FormResponse.ButtonPressed}.
 *
 * @param title the title
 * @param content the text above the buttons
 * @param buttons the buttons' labels, in order
 */
public record SimpleForm(String title, String content, List<String> buttons) implements Form {

    /** Copies the buttons. */
    public SimpleForm {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        buttons = List.copyOf(buttons);
    }

    /**
     * A form without buttons yet.
     *
     * @param title the title
     * @param content the text
     * @return the form
     */
    public static SimpleForm of(String title, String content) {
        return new SimpleForm(title, content, List.of());
    }

    /**
     * This form with one more button.
     *
     * @param label the button's label
     * @return the new form
     */
    public SimpleForm withButton(String label) {
        var more = new ArrayList<>(buttons);
        more.add(Objects.requireNonNull(label, "label"));
        return new SimpleForm(title, content, more);
    }
}
