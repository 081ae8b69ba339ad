/**
 * The standard server events: start, tick, stop. Each is a final class whose {@code NAME} is the name scripts subscribe to.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.event.server;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
