/** The client's downloads: the server's HTTP API, the cache by hash, resumable verified transfers, their events. */
package dev.plinth.client.internal.transfer;
