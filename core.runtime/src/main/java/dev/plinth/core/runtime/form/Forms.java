package dev.plinth.core.runtime.form;

import dev.plinth.core.runtime.player.Player;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The forms one resource shows: a bundle-scoped service, so every form sent through it belongs to the resource, and
 * the forms still open when it stops (or reloads) are closed, ending with {@link FormResponse.Closed} on the game
 * thread, while the forms of other resources stay open. {@link Player#sendForm} shows a form that belongs to no
 * resource.
 *
 * <p>Thread rules: {@link #send} on the game thread only; the future completes on the game thread.
 */
@ProviderType
public interface Forms {

    /**
     * Shows a form to a player, owned by the calling resource.
     *
     * @param player the player
     * @param form the form
     * @return completes with the answer, as {@link Player#sendForm} does, or with {@link FormResponse.Closed} when
     *     the resource stops first
     * @throws dev.plinth.core.runtime.HostException when called off the game thread, or after the resource stopped
     */
    CompletableFuture<FormResponse> send(Player player, Form form);
}
