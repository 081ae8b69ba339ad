/** One connected client: its join, socket, transfers, resources, bus and commands. */
package dev.plinth.client.internal.session;
