/**
 * The WebAssembly language host (Chicory), an extender for WebAssembly resources: the MC-RS ABIs (the design
 * document's and the released one's) and Extism plugins. It has no API of its own: plugins are written against the
 * ABIs the README documents.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.lang.wasm;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
