/**
 * Who may emit which event: a script emits only in its own namespace ({@code name:event}); the standard game events
 * and the {@code resource:} and {@code system:} namespaces are the server's alone.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox.events;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
