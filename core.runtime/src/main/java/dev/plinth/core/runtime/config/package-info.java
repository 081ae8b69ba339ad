/**
 * Each resource's data folder and its JSON and TOML config files, and the server's own {@code conf/server.json}.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.config;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
