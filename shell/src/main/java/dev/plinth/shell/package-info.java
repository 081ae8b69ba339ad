/**
 * What every Plinth shell command shares: the usage a command prints when it is called with missing or wrong
 * arguments ({@link CommandUsage}), built from the same {@code @Descriptor}s and parameter names that {@code help}
 * shows.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.shell;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
