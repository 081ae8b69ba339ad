/**
 * The sandbox every script language host shares (Lua, JavaScript, WebAssembly): the root of its exceptions. Each
 * concept has its package: {@code watchdog} (wall-clock bound of any script call), {@code account} (what each
 * resource used, and who pays for it), {@code memory} (retained memory, per-call allocation, the server-wide heap
 * guard), {@code permission} (the API groups a manifest grants), {@code files} (the file boundary of a resource),
 * {@code values} (bounded conversion of script values), {@code events} (who may emit which event), {@code limits}
 * (the limits every host enforces the same way) and {@code host} (what every extender repeats).
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
