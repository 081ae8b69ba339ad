/**
 * The statement and heap meter of the JavaScript host: a Truffle instrument on the launcher class path (beside
 * GraalJS) that counts the statements each context runs against a budget its host arms per call
 * ({@link StatementMeter}, {@link StatementCounter}), finds where a context's code runs ({@link ContextLocator})
 * and measures what a context keeps on the heap ({@link HeapMeter}, {@link ContextHeap}). Exported by the system
 * bundle, like GraalJS's own API.
 */
@Export
@Version("1.2.0")
@NullMarked
package dev.plinth.lang.js.meter;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
