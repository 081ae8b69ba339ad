/**
 * Hot reload, as a language host takes part in it: preparing a resource's next content (compiling it) off the game
 * thread, before the resource manager swaps it in at a tick boundary.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.resource.reload;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
