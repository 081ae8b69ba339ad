/** {@code sim:clients}: the connected clients in the shell. */
package dev.plinth.transfer.internal.shell;
