/**
 * What the whole host API shares: namespaced identifiers and the root of its exceptions.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
