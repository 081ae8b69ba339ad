/** A client's scripts: their runtimes on the language hosts' engines, their API, Staminal's client mod flow. */
package dev.plinth.client.internal.script;
