/**
 * What clients receive of each started resource: its client payload, every file content-addressed by its SHA-256
 * ({@link dev.plinth.core.resource.payload.ClientPayloads}).
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.resource.payload;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
