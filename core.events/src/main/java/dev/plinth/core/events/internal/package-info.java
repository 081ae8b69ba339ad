/**
 * The event bus behind the {@code dev.plinth.core.events} API: one shared dispatcher, a bundle-scoped view per
 * owner, and the {@code event:*} shell commands. Private to the bundle.
 */
@NullMarked
package dev.plinth.core.events.internal;

import org.jspecify.annotations.NullMarked;
