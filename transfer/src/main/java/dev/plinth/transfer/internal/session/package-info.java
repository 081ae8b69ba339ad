/** The client sessions: join, token, socket, transfer state, readiness, events both ways, their end. */
package dev.plinth.transfer.internal.session;
