/**
 * Hot reload, as a resource sees it: the hooks every language host (and the Java plugin tracker) registers for each
 * resource it runs, and the state a running version hands to its next version, as JSON.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.reload;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
