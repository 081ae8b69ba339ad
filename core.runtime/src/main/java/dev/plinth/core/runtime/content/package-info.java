/**
 * What a resource adds to the game world: entity, item and block types ({@link GameContent}), owned by the resource
 * and removed with it.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.content;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
