/**
 * Players: identity, position, state, inventory, messages, titles, forms, effects and connection.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.player;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
