/**
 * The example Java plugin {@code hello}: one component, {@link dev.plinth.examples.hello.HelloPlugin}.
 */
@NullMarked
package dev.plinth.examples.hello;

import org.jspecify.annotations.NullMarked;
