/**
 * Each resource's data folder and its JSON and TOML config files.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.config;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
