/**
 * The permission groups of the host API and the grants a manifest gives ({@code [permissions]} in
 * {@code plugin.toml}): without a section a resource gets the four groups {@code player}, {@code world},
 * {@code commands} and {@code scheduler}; with one, exactly what it names. A denied call raises a
 * {@link PermissionDeniedException} naming the permission.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox.permission;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
