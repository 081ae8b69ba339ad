// The alt:V core resource: plugins register themselves here and find each other's APIs.
import { PluginManager } from "./plugin-manager.js";

const manager = new PluginManager();

export function registerPlugin(name, info) {
    manager.register(name, info);
    console.log("plugin registered: %s (%s)", name, info.description);
    return manager.names();
}

export function listPlugins() {
    return manager.names();
}

export function onAttach() {
    console.log("core started");
}
