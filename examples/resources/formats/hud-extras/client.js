// Loaded on a client only when a bootstrap mod asks for it (system.download_mod("hud-extras")).
import { Counter } from "@js-helper";

const widgets = new Counter();

export function onAttach() {
    widgets.next();
    console.log("HUD extras attached: %d widget(s)", widgets.count);
}
