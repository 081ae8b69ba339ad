/**
 * Minecraft Bedrock behavior packs (JSON) and the Molang language, an extender for packs.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.bedrock.packs;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
