package com.example.greeter;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.plugin.Plugin;
import dev.plinth.core.runtime.plugin.PlinthPlugin;
import dev.plinth.core.runtime.plugin.RequiresResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Greets whoever types /greet. */
@PlinthPlugin(name = "greeter", version = "1.0.0")
@RequiresResource(name = "server", min = "0.1.0")
@Component(service = Plugin.class)
public final class GreeterPlugin implements Plugin {

    private final Commands commands;

    /**
     * Receives the plugin's command registry.
     *
     * @param commands the registry
     */
    @Activate
    public GreeterPlugin(@Reference Commands commands) {
        this.commands = commands;
    }

    @Override
    public void onEnable() {
        commands.register(CommandDefinition.of("greet", (sender, args) -> sender.sendMessage("Greetings, "
                + sender.name() + "!")));
    }
}
