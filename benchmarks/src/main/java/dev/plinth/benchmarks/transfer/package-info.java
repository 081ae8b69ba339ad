/**
 * The client transfer harness: many clients joining a real server at once over loopback, and the real headless client
 * with a cold and a warm cache. See {@link dev.plinth.benchmarks.transfer.TransferHarness}.
 */
@NullMarked
package dev.plinth.benchmarks.transfer;

import org.jspecify.annotations.NullMarked;
