/**
 * Molang on the server: the shared runtime, the entity queries the game world answers, and each entity's variables,
 * as one OSGi service that hosts (the behavior-pack host, the shell) build on.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.bedrock.molang.world;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
