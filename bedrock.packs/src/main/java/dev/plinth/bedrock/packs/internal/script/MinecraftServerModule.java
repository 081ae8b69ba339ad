package dev.plinth.bedrock.packs.internal.script;

import dev.plinth.lang.js.BuiltinModule;
import dev.plinth.lang.js.JsModuleRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * {@code @minecraft/server} for one pack's script: {@code world} (messages, players, dimensions with
 * {@code getBlock} / {@code spawnEntity}, {@code afterEvents.playerSpawn / playerLeave / chatSend / entityDie /
 * playerBreakBlock}, {@code beforeEvents.chatSend}), {@code system} ({@code run}, {@code runTimeout},
 * {@code runInterval}, {@code clearRun}, {@code currentTick}) and the {@code Player}, {@code Entity},
 * {@code Dimension}, {@code Block} classes. It is JavaScript ({@code minecraft-server.js}) over the MC-RS {@code mc}
 * API the JavaScript host gives every script, so what a pack subscribes or schedules belongs to its bundle; members
 * Plinth does not offer throw "... is not supported by Plinth" naming the member.
 *
 * @param ticks the server's current tick, for {@code system.currentTick}
 */
record MinecraftServerModule(LongSupplier ticks) implements BuiltinModule {

    /** The import specifier. */
    static final String SPECIFIER = "@minecraft/server";

    /**
     * The module's source, built when the first pack script imports it: building a {@link Source} loads GraalJS's
     * polyglot implementation (Truffle), which the pack host's start must not pay for (the JavaScript engine starts
     * with the first JavaScript resource). Internal: an error it throws is reported at the pack's line that called it.
     */
    private static final class Code {
        static final Source SOURCE = Source.newBuilder("js", read(), "@minecraft/server.js").internal(true)
                .buildLiteral();

        private Code() {}
    }

    @Override
    public List<String> exportNames() {
        return List.of("world", "system", "Player", "Entity", "Dimension", "Block", "EntityHealthComponent",
                "ItemStack", "BlockPermutation", "EntityComponentTypes", "EquipmentSlot", "GameMode");
    }

    @Override
    public Object exports(JsModuleRun run) {
        var bridge = ProxyObject.fromMap(Map.of("currentTick", (ProxyExecutable) args -> ticks.getAsLong()));
        return run.call(context -> context.eval(Code.SOURCE).execute(bridge));
    }

    private static String read() {
        try (InputStream in = MinecraftServerModule.class.getResourceAsStream("minecraft-server.js")) {
            return new String(Objects.requireNonNull(in, "minecraft-server.js").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the pack host's minecraft-server.js is missing from its bundle", e);
        }
    }
}
