/** {@code bin/plinth-client}: the command line of a client framework the launcher started. */
package dev.plinth.client.internal.cli;
