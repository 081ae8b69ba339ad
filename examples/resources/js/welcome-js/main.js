// The MC-RS example script (welcome, chat filter, spawn command, tip, form), in JavaScript with the same API names.

// Events
mc.on("player_join", (event) => {
    const player = event.player;
    mc.broadcast("§a" + player.name() + " joined the server!");
    player.send_message("§6Welcome to the server!");

    // Starter kit
    player.give_item("minecraft:diamond_sword", 1);
    player.give_item("minecraft:bread", 16);
});

mc.on("player_chat", (event) => {
    // Banned words
    if (event.message.includes("badword")) {
        event.cancel();
        event.player.send_message("§cMessage not allowed!");
    }
});

mc.on("player_break_block", (event) => {
    // Double diamond drops
    if (event.block.name === "minecraft:diamond_ore") {
        event.player.give_item("minecraft:diamond", 1); // +1 bonus
    }
});

// Commands
mc.register_command("spawn", {
    description: "Teleports to spawn",
    permission: "mc-rs.command.spawn",
    execute: (player, args) => {
        const spawn = mc.get_world("overworld").get_spawn();
        player.teleport(spawn.x, spawn.y, spawn.z);
        player.send_message("§aTeleported to spawn!");
    },
});

// Scheduled tasks
mc.schedule_repeating(20 * 60, () => { // every 60 seconds
    mc.broadcast("§eTip: use /spawn to go back to spawn!");
});

// Forms
mc.on("player_interact", (event) => {
    if (event.action === "right_click" && event.target_block === "minecraft:chest") {
        const form = mc.form.simple("Menu", "Choose:")
            .button("Option 1")
            .button("Option 2")
            .button("Option 3");

        form.send(event.player, (response) => {
            if (response.index === 0) {
                event.player.send_message("You chose option 1");
            }
        });
    }
});
