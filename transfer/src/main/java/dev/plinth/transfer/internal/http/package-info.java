/** The client endpoints on the HTTP port: join, payload listings, files by hash, leave. */
package dev.plinth.transfer.internal.http;
