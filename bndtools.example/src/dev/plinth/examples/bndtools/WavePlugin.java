package dev.plinth.examples.bndtools;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.Commands;
import dev.plinth.core.runtime.plugin.PlinthPlugin;
import dev.plinth.core.runtime.plugin.Plugin;
import dev.plinth.core.runtime.plugin.RequiresResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The resource {@code bnd-waver}: {@code /wave} waves at whoever types it. */
@PlinthPlugin(name = "bnd-waver", version = "1.0.0")
@RequiresResource(name = "server", min = "0.1.0")
@Component(service = Plugin.class)
public final class WavePlugin implements Plugin {

    private final Commands commands;

    /**
     * Receives the plugin's command registry.
     *
     * @param commands the registry
     */
    @Activate
    public WavePlugin(@Reference Commands commands) {
        this.commands = commands;
    }

    @Override
    public void onEnable() {
        commands.register(CommandDefinition.of("wave", (sender, args) -> sender.sendMessage("*waves at "
                + sender.name() + "*")).withDescription("Waves at you"));
    }
}
