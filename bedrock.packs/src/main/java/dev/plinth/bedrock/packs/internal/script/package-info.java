/**
 * The Script API of behavior packs: {@code @minecraft/server} (the members a server-side behavior script uses most,
 * the rest refused with "not supported by Plinth"), run on the JavaScript host's {@code JsModuleHost}.
 */
package dev.plinth.bedrock.packs.internal.script;
