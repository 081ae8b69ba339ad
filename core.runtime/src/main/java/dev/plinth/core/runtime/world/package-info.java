/**
 * Worlds and their values: dimensions, positions, blocks, chunks, weather and time.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.world;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
