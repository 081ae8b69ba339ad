package dev.plinth.core.runtime.internal.form;

import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormResponse;
import java.util.concurrent.CompletableFuture;

/**
 * A form shown to a player and the future its sender waits on. Game thread only.
 *
 * @param id the form's number for its player, from 1
 * @param form the form
 * @param response completes with the outcome
 * @param deadlineTick the tick at which it times out
 */
public record PendingForm(int id, Form form, CompletableFuture<FormResponse> response, long deadlineTick) {

    /** {@return whether the form still waits for an answer} */
    public boolean isOpen() {
        return !response.isDone();
    }

    /**
     * Ends the form with an outcome; does nothing when it already ended.
     *
     * @param outcome the outcome
     * @return {@code true} when this call ended it
     */
    public boolean complete(FormResponse outcome) {
        return response.complete(outcome);
    }

    /** {@return the form as the simulated player's inbox shows it, with its state} */
    public String describe() {
        String state = response.getNow(null) instanceof FormResponse outcome ? outcome.toString() : "open";
        return "form " + id + " " + FormText.describe(form) + " [" + state + "]";
    }
}
