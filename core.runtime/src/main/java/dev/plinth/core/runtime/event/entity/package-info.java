/**
 * The standard entity events: damage, death, spawn, explode. Each is a final class whose {@code NAME} is the name scripts subscribe to.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.event.entity;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
