// The guard pack's script, written against Bedrock's Script API as a pack for Bedrock would be: the guards greet
// players, refuse talk of griefing, and the world hears when one of them falls.
import { world, system, Player } from "@minecraft/server";

world.afterEvents.playerSpawn.subscribe((event) => {
  if (event.initialSpawn && event.player instanceof Player) {
    event.player.sendMessage(`The guards watch over you, ${event.player.name}.`);
  }
});

world.beforeEvents.chatSend.subscribe((event) => {
  if (event.message.toLowerCase().includes("griefing")) {
    event.cancel = true;
    event.sender.sendMessage("The guards do not allow talk of griefing.");
  }
});

world.afterEvents.entityDie.subscribe((event) => {
  if (event.deadEntity.typeId === "custom:guard") {
    world.sendMessage(`A guard has fallen at ${Math.floor(event.deadEntity.location.x)}, ${Math.floor(event.deadEntity.location.z)}.`);
  }
});

console.log(`guard-pack script up at tick ${system.currentTick}`);
system.runTimeout(() => {
  const guards = world.getDimension("overworld").getPlayers().length;
  console.log(`the guards are on duty (tick ${system.currentTick}, ${guards} player(s) in the overworld)`);
}, 20);
