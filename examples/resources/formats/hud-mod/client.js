export function onAttach() { console.log("HUD attached"); }
