// The HUD's client side, a Staminal bootstrap mod as mods-manager-style mods are written: it imports the library
// mod it requires (`@js-helper`, loaded before it: lower priority), draws on the client's loop with timers, lists the
// mods the server offers (those no bootstrap mod requires are not loaded yet) and downloads the one it wants.
import { wait, Counter } from "@js-helper";

const frames = new Counter();

AddEventHandler("system:mod_loaded", (event) => {
    const mod = system.get_mods().find((m) => m.id === event.payload.id);
    console.log("HUD sees %s loaded (loaded = %s)", event.payload.id, mod.loaded);
});

// An async hook: the client waits for it (its timers run meanwhile) before onBootstrap, as the server does.
export async function onAttach() {
    await wait(50);
    console.log("HUD attached");
}

export async function onBootstrap() {
    const waiting = system.get_mods().filter((mod) => !mod.loaded).map((mod) => mod.id).sort();
    console.log("HUD bootstrap; not loaded yet: %s", waiting.join(", "));
    await new Promise((drawn) => {
        const timer = setInterval(() => {
            if (frames.next() === 3) {
                clearInterval(timer);
                drawn();
            }
        }, 50);
    });
    console.log("HUD drew %d frames", frames.count);
    await wait(100);
    console.log("HUD asks for hud-extras: %s", system.download_mod("hud-extras"));
}
