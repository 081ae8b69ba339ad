export class PluginManager {
    constructor() {
        this.plugins = new Map();
    }

    register(name, info) {
        if (typeof name !== "string" || name.length === 0) {
            throw new TypeError("a plugin needs a name");
        }
        this.plugins.set(name, { ...info, registeredAt: Date.now() });
    }

    names() {
        return [...this.plugins.keys()].sort();
    }
}
