/**
 * The host API a plugin sees, the standard game events, the tick loop and the simulated server.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
