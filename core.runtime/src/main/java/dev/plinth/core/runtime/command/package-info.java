/**
 * Commands players type ({@code /spawn}): definitions, handlers, senders, and the registry each resource gets.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.command;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
