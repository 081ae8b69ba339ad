/**
 * Help for bundles that add shell (Gogo) commands: reading a command's words with a usage message when they are
 * missing or malformed ({@link ShellArguments}).
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.shell;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
