/**
 * The server as a plugin sees it: its name and game version, ticks, players, worlds, broadcast, its data folder and
 * its logger.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.server;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
