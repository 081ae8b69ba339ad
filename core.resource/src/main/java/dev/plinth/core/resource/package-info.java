/**
 * The resource lifecycle: start, stop, restart and inspect resources (bundles built from the instance's
 * {@code resources/} folder), with stable error codes, states and transition counters.
 */
@Export
@Version("0.3.0")
@NullMarked
package dev.plinth.core.resource;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
