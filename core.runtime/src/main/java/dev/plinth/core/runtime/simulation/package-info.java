/**
 * Driving the simulated server as players would, for the shell ({@code sim:*}) and for tests; it speaks only in
 * JDK types so that a test outside the framework can share it.
 */
@Export(substitution = Export.Substitution.CONSUMER)
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.simulation;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
