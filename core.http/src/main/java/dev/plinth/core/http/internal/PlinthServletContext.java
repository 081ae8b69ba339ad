package dev.plinth.core.http.internal;

import dev.plinth.core.http.PlinthHttp;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The servlet context {@value PlinthHttp#CONTEXT_NAME} at {@code /} that every Plinth endpoint joins. It adds no
 * security of its own: each endpoint checks what it needs (the metrics token, the console login), because their
 * rules differ.
 *
 * <p>Stateless: thread-safe.
 */
@Component(service = ServletContextHelper.class)
@HttpWhiteboardContext(name = PlinthHttp.CONTEXT_NAME, path = "/")
public final class PlinthServletContext extends ServletContextHelper {

    /** Creates the context. */
    public PlinthServletContext() {
        super();
    }
}
