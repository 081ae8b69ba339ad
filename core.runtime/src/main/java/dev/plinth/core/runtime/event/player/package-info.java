/**
 * The standard player events: join, quit, chat, move, break and place blocks, interact, command, death, respawn, change dimension. Each is a final class whose {@code NAME} is the name scripts subscribe to.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.event.player;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
