/**
 * Java plugins: the annotations that declare a bundle as a resource with its dependencies, and the enable /
 * disable callbacks.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.plugin;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
