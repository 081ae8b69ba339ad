/**
 * Scripts run outside the resource lifecycle, with the same sandbox and limits as a resource of their language: a
 * language host registers a {@link dev.plinth.core.sandbox.script.ScriptEngine}, and a caller such as the headless
 * client opens a {@link dev.plinth.core.sandbox.script.ScriptRuntime} with its own files and its own API
 * ({@link dev.plinth.core.sandbox.script.HostFunction}s), then calls into it.
 */
@Export
@Version("0.3.0")
@NullMarked
package dev.plinth.core.sandbox.script;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
