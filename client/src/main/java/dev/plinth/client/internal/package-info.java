/** The headless client's service: one HTTP client and the script engines, shared by every connection. */
package dev.plinth.client.internal;
