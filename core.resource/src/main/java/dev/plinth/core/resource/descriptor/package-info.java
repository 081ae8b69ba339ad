/**
 * The normalized descriptor of a resource: what each manifest format (resource.toml, plugin.toml, meta.json, a
 * Staminal mod's or a Bedrock pack's manifest.json) says, in one shape.
 */
@Export
@Version("0.4.0")
@NullMarked
package dev.plinth.core.resource.descriptor;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
