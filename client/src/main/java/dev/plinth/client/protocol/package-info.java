/**
 * Plinth's client protocol, what the server and its clients exchange as JSON over HTTP: the join (Staminal's
 * {@code LoginSuccess} with a download URL per resource), a resource's payload listing (or all of them at once), batches of files, and the messages of the
 * session's WebSocket. Paths and headers are {@link dev.plinth.client.protocol.Protocol}'s.
 */
@Export
@Version("0.4.0")
@NullMarked
package dev.plinth.client.protocol;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
