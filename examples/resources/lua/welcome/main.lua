-- Exemple de script Lua pour MC-RS

-- Événements
mc.on("player_join", function(event)
    local player = event.player
    mc.broadcast("§a" .. player:name() .. " a rejoint le serveur !")
    player:send_message("§6Bienvenue sur le serveur !")

    -- Donner un kit de départ
    player:give_item("minecraft:diamond_sword", 1)
    player:give_item("minecraft:bread", 16)
end)

mc.on("player_chat", function(event)
    -- Filtrer les mots interdits
    if event.message:find("badword") then
        event:cancel()
        event.player:send_message("§cMessage interdit !")
    end
end)

mc.on("player_break_block", function(event)
    -- Doubler les drops de diamant
    if event.block.name == "minecraft:diamond_ore" then
        event.player:give_item("minecraft:diamond", 1) -- +1 bonus
    end
end)

-- Commandes
mc.register_command("spawn", {
    description = "Téléporte au spawn",
    permission = "mc-rs.command.spawn",
    execute = function(player, args)
        local spawn = mc.get_world("overworld"):get_spawn()
        player:teleport(spawn.x, spawn.y, spawn.z)
        player:send_message("§aTéléporté au spawn !")
    end
})

-- Tâches planifiées
mc.schedule_repeating(20 * 60, function()  -- Toutes les 60 secondes
    mc.broadcast("§eTip: Utilisez /spawn pour retourner au spawn !")
end)

-- Formulaires
mc.on("player_interact", function(event)
    if event.action == "right_click" and event.target_block == "minecraft:chest" then
        local form = mc.form.simple("Menu", "Choisissez :")
            :button("Option 1")
            :button("Option 2")
            :button("Option 3")

        form:send(event.player, function(response)
            if response.index == 0 then
                event.player:send_message("Vous avez choisi l'option 1")
            end
        end)
    end
end)
