/**
 * Bounded conversion of script values to host values (event payloads, config files, exported functions' arguments):
 * a converter counts what it visits in a {@link ValueBudget}, so a value too large, too deep, or a small table that
 * shares its subtables into an exponential tree, fails early with a {@link ValueLimitException}, and the work is
 * charged to the script that passed it.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox.values;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
