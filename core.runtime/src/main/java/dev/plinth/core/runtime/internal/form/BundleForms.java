package dev.plinth.core.runtime.internal.form;

import dev.plinth.core.runtime.HostException;
import dev.plinth.core.runtime.form.Form;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.form.Forms;
import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.internal.tick.GameLoop;
import dev.plinth.core.runtime.player.Player;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link Forms} of one resource: one instance per bundle that uses the service. The forms it sent that are still
 * open when the bundle releases it (it stops, or reloads) end with {@link FormResponse.Closed}, on the game thread
 * (at once when the bundle stops there, as the resource manager stops resources, else at the next tick boundary).
 *
 * <p>Thread-safe; {@link #send} on the game thread.
 */
@Component(service = Forms.class, scope = ServiceScope.BUNDLE)
public final class BundleForms implements Forms {

    private final Owner owner;
    private final GameLoop loop;
    private final Set<CompletableFuture<FormResponse>> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates the forms of the bundle that gets the service.
     *
     * @param context the component context, for the using bundle
     * @param loop the game thread
     */
    @Activate
    public BundleForms(ComponentContext context, @Reference GameLoop loop) {
        this.owner = Owner.of(context.getUsingBundle());
        this.loop = loop;
    }

    @Override
    public CompletableFuture<FormResponse> send(Player player, Form form) {
        if (closed) {
            throw new HostException("resource '" + owner + "' is stopped: it shows no more forms");
        }
        CompletableFuture<FormResponse> response = player.sendForm(form);
        if (!response.isDone()) {
            open.add(response);
            response.whenComplete((outcome, failure) -> open.remove(response));
        }
        return response;
    }

    /** Closes the forms still open: the resource stopped. */
    @Deactivate
    void close() {
        closed = true;
        List<CompletableFuture<FormResponse>> left = List.copyOf(open);
        if (left.isEmpty()) {
            return;
        }
        Runnable closeAll = () -> left.forEach(response -> response.complete(new FormResponse.Closed()));
        if (loop.isGameThread()) {
            closeAll.run();
        } else {
            try {
                loop.execute(closeAll);
            } catch (RejectedExecutionException e) {
                closeAll.run(); // the server stopped: no handler runs any more
            }
        }
    }
}
