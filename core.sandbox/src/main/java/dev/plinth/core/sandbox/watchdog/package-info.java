/**
 * The wall-clock bound of every script call, whatever its language: a host {@linkplain Watchdog#watch watches} each
 * resource and brackets each call (handler, command, task, main chunk, enable and disable hooks) with
 * {@link Watch#enter} and {@link Watch#exit}; one watchdog thread ({@code plinth-watchdog}) tells the host's
 * {@link Interrupter} when a call runs past its bound, whatever its instruction budget says.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox.watchdog;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
