/**
 * Entities (mobs, dropped items, players) and the causes of their damage and spawning.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.entity;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
