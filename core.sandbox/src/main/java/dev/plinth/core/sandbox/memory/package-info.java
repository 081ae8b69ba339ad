/**
 * Memory: what a resource keeps, measured by its host from its roots ({@link RetainedMemory}, a whiteboard service
 * the sandbox polls off the hot path and stops the resource by when it keeps more than its limit), what one call may
 * allocate ({@link AllocationCounter}), and the server-wide heap guard that stops the resource keeping the most when
 * the heap after a collection passes a threshold.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox.memory;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
