package dev.plinth.core.runtime.form;

import java.util.Objects;

/**
 * A question with two buttons; answered with {@link FormResponse.ModalAnswered}.
 *
 * @param title the title
 * @param content the question
 * @param yes the label of the accepting button
 * @param no the label of the refusing button
 */
public record ModalForm(String title, String content, String yes, String no) implements Form {

    /** Validates the components. */
    public ModalForm {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(yes, "yes");
        Objects.requireNonNull(no, "no");
    }

    /**
     * A question with the buttons {@code Yes} and {@code No}.
     *
     * @param title the title
     * @param content the question
     * @return the form
     */
    public static ModalForm of(String title, String content) {
        return new ModalForm(title, content, "Yes", "No");
    }

    /**
     * This form with other button labels.
     *
     * @param yes the accepting button
     * @param no the refusing button
     * @return the new form
     */
    public ModalForm withButtons(String yes, String no) {
        return new ModalForm(title, content, yes, no);
    }
}
