/**
 * The startup and footprint harness: whole processes, timed from the outside (not JMH: a start is a one-shot
 * cost). See {@link dev.plinth.benchmarks.startup.StartupHarness}.
 */
@NullMarked
package dev.plinth.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
