package dev.plinth.core.runtime.form;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A form shown to a player with {@link dev.plinth.core.runtime.player.Player#sendForm(Form)}. Forms are immutable
 * values: each {@code withXxx} method returns a new form.
 */
@ProviderType
public sealed interface Form permits SimpleForm, ModalForm, CustomForm {

    /**
     * The form's title.
     *
     * @return the title
     */
    String title();
}
