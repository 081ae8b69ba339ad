/**
 * The limits every language host enforces the same way: wall-clock bounds of calls and of the start and stop hooks,
 * retained memory, per-call allocation, offences, tasks, log rate, config size and value bounds. Their defaults come
 * from the {@code sandbox} object of {@code conf/server.json} ({@link SandboxSettings}); a manifest's
 * {@code [resources]} may ask for its own memory and per-tick budget, validated and capped by the server's settings.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox.limits;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
