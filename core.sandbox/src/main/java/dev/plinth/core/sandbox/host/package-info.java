/**
 * What every language host (an extender) repeats, in one service a host gets for itself ({@link HostSupport}):
 * whether a resource bundle is wired to it, the {@code HostFailure} services that tell the resource manager why a
 * resource failed, the thread that stops a resource that broke its limits, each resource's log ({@link ScriptLog}:
 * one console line per print, control characters escaped, rate-limited), and the service look-ups a host makes for a
 * script resource ({@link ResourceServices}).
 */
@Export
@Version("0.5.0")
@NullMarked
package dev.plinth.core.sandbox.host;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
