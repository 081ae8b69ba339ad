/**
 * Each resource's data folder and its JSON and TOML config files, the server's own {@code conf/server.json}, and
 * how a problem in a JSON or TOML file is told ({@link ParseProblem}).
 */
@Export
@Version("0.3.0")
@NullMarked
package dev.plinth.core.runtime.config;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
