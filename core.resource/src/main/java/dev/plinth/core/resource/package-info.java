/**
 * Resources as bundles: manifests, descriptors, deployer, lifecycle, dependencies, error codes and rollback.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.resource;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
