/**
 * Calls between resources, whatever their language: the functions one resource exports and another imports.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.interop;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
