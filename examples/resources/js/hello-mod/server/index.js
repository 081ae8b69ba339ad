// A Staminal bootstrap mod, written the way Staminal mods are: lifecycle hooks exported from the entry module,
// `@mod-id` imports, locales, the `system` API, timers and async functions.
import { wait, Counter } from "@js-helper";
import { Greeter } from "./greeter";

const joins = new Counter();
let greeter;

export async function onAttach() {
    greeter = new Greeter(locale);
    console.log("%s attached (%d mods known)", "hello-mod", system.getMods().length);
}

export async function onBootstrap() {
    await wait(100);
    const mods = system.get_mods().map((mod) => `${mod.id}@${mod.version}`).sort();
    console.log("bootstrapped after waiting; mods: %s", mods.join(", "));
    console.log(locale.get("server-ready"));
}

export function onDetach() {
    console.log("hello-mod detaching after %d joins", joins.count);
}

mc.on("player_join", (event) => {
    const count = joins.next();
    event.player.send_message(greeter.welcome(event.player, count));
});

mc.register_command("greet", {
    description: "Greets you in your language",
    execute: (player, args) => player.send_message(locale.for_player(player).get_with_args("hello", { name: player.name() })),
});
