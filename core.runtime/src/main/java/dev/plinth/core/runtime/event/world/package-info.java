/**
 * The standard world events: block updates, chunk loads and unloads, weather changes. Each is a final class whose {@code NAME} is the name scripts subscribe to.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.event.world;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
