/**
 * The server's clients, as the host API sees them: who is connected and what they downloaded and made ready
 * ({@link dev.plinth.core.runtime.client.Clients}), events sent to a client's scripts, and handlers answering the
 * HTTP requests of Staminal's {@code RequestUri} route ({@link dev.plinth.core.runtime.client.RequestUriHandler}).
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.client;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
