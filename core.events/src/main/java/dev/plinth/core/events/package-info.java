/**
 * The event bus every resource shares: priorities, cancellation, one envelope for typed and named events.
 */
@Export
@Version("0.3.0")
@NullMarked
package dev.plinth.core.events;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
