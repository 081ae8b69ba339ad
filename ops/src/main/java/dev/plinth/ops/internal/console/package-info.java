/**
 * The Felix Web Console for server owners: its login from {@code conf/server.json} ({@code plinth:passwd}), and
 * Plinth's Resources and Server pages, which update without a reload and change resources through
 * {@link dev.plinth.core.resource.ResourceService} with CSRF-checked POSTs.
 */
@NullMarked
package dev.plinth.ops.internal.console;

import org.jspecify.annotations.NullMarked;
