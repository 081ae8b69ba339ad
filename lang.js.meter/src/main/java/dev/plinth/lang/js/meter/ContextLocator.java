package dev.plinth.lang.js.meter;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where one context's code runs now ({@link StatementMeter#locator()}): the thread running it is asked at its next
 * safepoint (a thread-local action of Truffle's), so that a host about to interrupt a call can say where it was when
 * nothing else does (the interrupt may land in GraalJS's own code: a flood of promise jobs is stopped between two
 * jobs, where no frame of the resource is on the stack). Asking does not stop the code.
 *
 * <p>Thread-safe: called off the context's thread (the thread running the code would wait for itself).
 */
@ProviderType
@FunctionalInterface
public interface ContextLocator {

    /**
     * Finds where the context's code runs now.
     *
     * @param wait how long to wait for the running thread's answer
     * @return the innermost line of the context's own (non-internal) code on the running thread's stack; empty when no
     *     code of the context runs, none of its lines is on the stack, or the thread did not answer in time
     */
    Optional<GuestLocation> locate(Duration wait);
}
