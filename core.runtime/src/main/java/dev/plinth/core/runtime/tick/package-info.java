/**
 * The game thread that owns game state, and the statistics of its ticks.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.tick;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
