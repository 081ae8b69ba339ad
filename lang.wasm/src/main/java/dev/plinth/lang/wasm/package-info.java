/**
 * The WebAssembly language host (Chicory), an extender for WebAssembly resources.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.lang.wasm;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
