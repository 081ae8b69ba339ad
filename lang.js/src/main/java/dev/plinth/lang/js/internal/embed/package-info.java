/**
 * JavaScript run outside the resource lifecycle (a headless client's downloaded resources): the {@code ScriptEngine}
 * of the JavaScript host, contexts sandboxed and limited as a JavaScript resource's, with only the API their caller
 * installs.
 */
package dev.plinth.lang.js.internal.embed;
