/**
 * Prometheus metrics on {@code /metrics}: Micrometer's Prometheus registry (embedded in this bundle), the seed's
 * {@code mtadm_*} lifecycle metrics, Plinth's {@code plinth_*} ones and the JVM's.
 */
@NullMarked
package dev.plinth.ops.internal.metrics;

import org.jspecify.annotations.NullMarked;
