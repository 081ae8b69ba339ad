// An alt:V plugin: registers itself with the core and exposes an API to the other plugins.
const registerPlugin = mc.import("core", "registerPlugin");
const registered = registerPlugin("example", { description: "the example plugin", version: "1.0.0" });
console.log("example plugin registered; the core knows: %j", registered);

export function greet(name) {
    return `Hello from the example plugin, ${name}!`;
}

mc.register_command("plugins", {
    description: "Lists the plugins registered with the core",
    execute: (player, args) => player.send_message("plugins: " + mc.import("core", "listPlugins")().join(", ")),
});
