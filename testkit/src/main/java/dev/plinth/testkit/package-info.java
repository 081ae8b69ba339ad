/**
 * A JUnit helper for plugin authors: {@link dev.plinth.testkit.PlinthTestServer} boots a framework with the Plinth
 * runtime and the plugin under test, and drives the simulated server from the test.
 */
@NullMarked
package dev.plinth.testkit;

import org.jspecify.annotations.NullMarked;
