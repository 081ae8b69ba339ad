/** Staminal's {@code RequestUri} routes on the HTTP port ({@code /stam/...}), served by the mods' handlers. */
package dev.plinth.transfer.internal.staminal;
