/**
 * Metrics other bundles add to {@code /metrics}: a {@link dev.plinth.ops.metrics.MetricSource} service reports its
 * values at each scrape (whiteboard; its series go away with it).
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.ops.metrics;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
