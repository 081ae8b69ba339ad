package dev.plinth.core.runtime.form;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/** One element of a {@link CustomForm}. Every element but {@link Label} yields one value in the answer. */
@ProviderType
public sealed interface FormElement {

    /**
     * Text without an input; yields no value.
     *
     * @param text the text
     */
    record Label(String text) implements FormElement {
        /** Validates the component. */
        public Label {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A text field; yields a {@code String}.
     *
     * @param label the field's label
     * @param placeholder the grey hint shown while it is empty
     * @param defaultValue the initial text
     */
    record Input(String label, String placeholder, String defaultValue) implements FormElement {
        /** Validates the components. */
        public Input {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(placeholder, "placeholder");
            Objects.requireNonNull(defaultValue, "defaultValue");
        }
    }

    /**
     * An on / off switch; yields a {@code Boolean}.
     *
     * @param label the switch's label
     * @param defaultValue the initial state
     */
    record Toggle(String label, boolean defaultValue) implements FormElement {
        /** Validates the component. */
        public Toggle {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A number picked on a scale; yields a {@code Double}.
     *
     * @param label the slider's label
     * @param min the lowest value
     * @param max the highest value
     * @param step the distance between two values
     * @param defaultValue the initial value
     */
    record Slider(String label, double min, double max, double step, double defaultValue) implements FormElement {
        /**
         * Validates the components.
         *
         * @throws IllegalArgumentException when the range, step or default value do not fit together
         */
        public Slider {
            Objects.requireNonNull(label, "label");
            if (!(min <= max) || !(step > 0) || defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException("slider '" + label + "' needs min <= default <= max and a positive step");
            }
        }
    }

    /**
     * One choice out of a list; yields the chosen index as an {@code Integer}.
     *
     * @param label the list's label
     * @param options the choices
     * @param defaultIndex the initially chosen index
     */
    record Dropdown(String label, List<String> options, int defaultIndex) implements FormElement {
        /**
         * Copies the options and checks the default.
         *
         * @throws IllegalArgumentException when there is no option or the default index is out of range
         */
        public Dropdown {
            Objects.requireNonNull(label, "label");
            options = List.copyOf(options);
            if (defaultIndex < 0 || defaultIndex >= options.size()) {
                throw new IllegalArgumentException("dropdown '" + label + "' needs a default index from 0 to "
                        + (options.size() - 1));
            }
        }
    }
}
