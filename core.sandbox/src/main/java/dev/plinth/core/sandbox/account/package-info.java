/**
 * One account per script resource, whatever its language: the work, time and allocation of its calls, the memory it
 * keeps, its offences and the events it missed; and who pays: a call made on behalf of another resource (an export it
 * calls, an event it emits) is charged to that resource, the {@link Payer}. The {@link Accounts} service lists them
 * for the operators' tools ({@code resource:top}, metrics); a host times the calls it charges one in several
 * ({@link SampledClock}).
 */
@Export
@Version("0.3.0")
@NullMarked
package dev.plinth.core.sandbox.account;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
