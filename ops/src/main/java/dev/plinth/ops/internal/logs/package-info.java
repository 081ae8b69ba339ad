/**
 * Per-resource log files ({@code data/<resource>/logs/latest.log}, rotated by size) fed from the OSGi log, so every
 * language host and every Java plugin gets one without doing anything; {@code log:tail} and {@code log:level}.
 */
@NullMarked
package dev.plinth.ops.internal.logs;

import org.jspecify.annotations.NullMarked;
