/**
 * Permission nodes ({@code plugin.category.action}), operators and groups.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.permission;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
