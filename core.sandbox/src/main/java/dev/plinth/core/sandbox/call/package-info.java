/**
 * The sandbox's part of every call into a script resource, whatever its language, as one bracket: a host enters it
 * before the call and exits it after, and in between the call has its payer, its tick, its budget capped by the
 * tick's and its wall-clock watch, and is charged once at its end; and the lock that lets one call at a time into a
 * resource whose engine runs on one thread at a time; and the stack room a call made from within another needs.
 */
@Export
@Version("0.3.0")
@NullMarked
package dev.plinth.core.sandbox.call;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
