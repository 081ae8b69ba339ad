/**
 * The contract between the resource manager and the language hosts (the extenders that run Lua, JavaScript,
 * WebAssembly and Bedrock resources): how a host tells the manager that it failed a resource.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.host;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
