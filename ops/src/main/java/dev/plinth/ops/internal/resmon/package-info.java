/**
 * What each resource costs, whatever its language (FiveM's {@code resmon}): per-tick windows over the accounts of
 * core.sandbox, {@code resource:top}, and the per-resource metrics.
 */
@NullMarked
package dev.plinth.ops.internal.resmon;

import org.jspecify.annotations.NullMarked;
