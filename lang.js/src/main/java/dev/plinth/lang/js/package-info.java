/**
 * The JavaScript language host (GraalJS), an extender for JavaScript resources.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.lang.js;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
