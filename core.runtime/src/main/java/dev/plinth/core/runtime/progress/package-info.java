/**
 * Progress of long work (compiling a module, loading a pack, hashing files, a transfer), shown in the console.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.progress;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
