/**
 * The HTTP server's settings, its configuration of Felix HTTP, and the shared servlet context.
 */
@NullMarked
package dev.plinth.core.http.internal;

import org.jspecify.annotations.NullMarked;
