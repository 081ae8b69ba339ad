/**
 * Tasks counted in ticks (later, repeating), off-thread work, and the way back onto the game thread.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.scheduler;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
