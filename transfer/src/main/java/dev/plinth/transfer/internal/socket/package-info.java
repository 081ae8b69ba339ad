/** The sessions' WebSocket, on Jetty's WebSocket core inside Felix HTTP. */
package dev.plinth.transfer.internal.socket;
