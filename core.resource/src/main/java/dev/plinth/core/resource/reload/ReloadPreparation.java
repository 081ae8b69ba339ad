package dev.plinth.core.resource.reload;

import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The expensive part of a hot reload, done while the running version still serves: reading and compiling the next
 * content of a resource, so that the swap at the tick boundary only instantiates what was compiled. A whiteboard
 * service a language host registers; the resource manager calls every one with each new content it is about to swap
 * in, on its own thread (never the game thread). A host that does not run the resource's language returns at once.
 *
 * <p>A host keeps what it compiled, by content hash, for the start that follows (and a start that finds nothing
 * prepared compiles as usual). Code that does not compile is refused here, with the file and the line: the reload
 * stops before anything is stopped, and the running version keeps serving.
 *
 * <p>Called on any thread but the game thread, possibly for several resources at once.
 */
@ConsumerType
public interface ReloadPreparation {

    /**
     * Prepares a resource's next content.
     *
     * @param next its manifest, as the next content declares it
     * @param content its files
     * @throws ResourceException {@code ERR_SCRIPT_EXECUTION} when its code does not compile; the message names the
     *     resource, the file and the line ({@code chat-demo: main.lua:12: '=' expected near 'end'})
     */
    void prepare(ResourceDescriptor next, ResourceContent content);
}
