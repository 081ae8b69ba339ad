/**
 * The server as a plugin sees it: ticks, players, worlds, broadcast, its data folder and its logger.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.server;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
