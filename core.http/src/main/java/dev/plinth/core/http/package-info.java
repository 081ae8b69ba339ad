/**
 * The server's one HTTP port, shared by every bundle that serves something over HTTP: metrics, the web console,
 * the client downloads. Endpoints are whiteboard servlets that join the servlet context {@link
 * dev.plinth.core.http.PlinthHttp#CONTEXT_NAME}.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.http;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
