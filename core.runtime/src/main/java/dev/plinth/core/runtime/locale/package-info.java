/**
 * Translations: the messages a resource shows, in the server's language or a player's, from Fluent ({@code .ftl})
 * files.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.locale;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
