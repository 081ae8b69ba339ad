package dev.plinth.core.runtime.form;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How a form ended: answered (one record per form kind), closed without an answer, or timed out.
 */
@ProviderType
public sealed interface FormResponse {

    /**
     * Whether the player answered.
     *
     * @return {@code false} for {@link Closed} and {@link TimedOut}
     */
    default boolean answered() {
        return !(this instanceof Closed || this instanceof TimedOut);
    }

    /**
     * The outcome as plain values for scripts.
     *
     * @return {@code {outcome, ...}}: {@code button} with {@code index} and {@code text}, {@code modal} with
     *     {@code accepted}, {@code submitted} with {@code values}, {@code closed} or {@code timed_out}
     */
    Map<String, Object> asMap();

    /**
     * A button of a {@link SimpleForm} was pressed.
     *
     * @param index the button's index, from 0
     * @param text the button's label
     */
    record ButtonPressed(int index, String text) implements FormResponse {
        /** Validates the component. */
        public ButtonPressed {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Map<String, Object> asMap() {
            return Map.of("outcome", "button", "index", index, "text", text);
        }
    }

    /**
     * A {@link ModalForm} was answered.
     *
     * @param accepted {@code true} for the yes button
     */
    record ModalAnswered(boolean accepted) implements FormResponse {
        @Override
        public Map<String, Object> asMap() {
            return Map.of("outcome", "modal", "accepted", accepted);
        }
    }

    /**
     * A {@link CustomForm} was submitted.
     *
     * @param values one value per element that is not a label, in order: {@code String} for an input,
     *     {@code Boolean} for a toggle, {@code Double} for a slider, {@code Integer} for a dropdown
     */
    record Submitted(List<Object> values) implements FormResponse {
        /** Copies the values. */
        public Submitted {
            values = List.copyOf(values);
        }

        @Override
        public Map<String, Object> asMap() {
            return Map.of("outcome", "submitted", "values", values);
        }
    }

    /** The player closed the form or left the server without answering. */
    record Closed() implements FormResponse {
        @Override
        public Map<String, Object> asMap() {
            return Map.of("outcome", "closed");
        }
    }

    /** The player did not answer in time (server setting {@code forms.timeoutTicks}). */
    record TimedOut() implements FormResponse {
        @Override
        public Map<String, Object> asMap() {
            return Map.of("outcome", "timed_out");
        }
    }
}
