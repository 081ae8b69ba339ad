/**
 * Hot reload, as a language host takes part in it: preparing a resource's next content (compiling it) off the game
 * thread, before the resource manager swaps it in at a tick boundary; and telling it which files a resource's server
 * side loaded, so that an edit to one of them reloads the resource even under a client pattern.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.resource.reload;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
