/**
 * The headless client: {@link dev.plinth.client.PlinthClients#connect} joins a server, downloads what its started
 * resources send clients, runs their client scripts, and stays connected until closed. {@code bin/plinth-client} is
 * this API on the command line; tests and the speed harness use it in-process.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.client;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
