/** The client transfers on {@code /metrics}: bytes and files sent, sessions. */
package dev.plinth.transfer.internal.metrics;
