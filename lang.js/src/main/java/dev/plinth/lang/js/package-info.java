/**
 * The JavaScript host's service for other hosts: run a bundle's module on the shared GraalJS engine, sandboxed and
 * limited like a JavaScript resource, with built-in modules the caller supplies ({@link JsModuleHost}). What
 * JavaScript resources export to each other is {@code dev.plinth.core.runtime.interop}.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.lang.js;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
