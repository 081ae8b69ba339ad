mc.register_command("wave", {
  description = "Waves at you",
  execute = function(player, args)
    player:send_message("*waves at " .. player:name() .. "*")
  end
})
