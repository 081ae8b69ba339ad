/**
 * The contract between the resource manager and what runs resources (the extenders that run Lua, JavaScript,
 * WebAssembly and Bedrock resources, and core.runtime for Java plugins): how a host tells the manager that it failed
 * a resource ({@link HostFailure}), the service that does that bookkeeping for a host ({@link HostFailures}), how a
 * host prepares a resource's start off the game thread ({@link HostPreparation}), and how it lets a start or stop hook
 * that awaits finish while the game thread goes on ({@link PendingHook}, {@link HostDetach}).
 */
@Export
@Version("0.4.0")
@NullMarked
package dev.plinth.core.runtime.host;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
