package dev.plinth.bedrock.packs.internal.world;

import dev.plinth.bedrock.molang.Molang;
import dev.plinth.bedrock.molang.MolangContext;
import dev.plinth.bedrock.packs.internal.filter.Environment;
import dev.plinth.bedrock.packs.internal.loot.LootRoller;
import dev.plinth.core.runtime.entity.Entity;
import dev.plinth.core.runtime.server.Server;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.osgi.service.log.Logger;

/**
 * What pack content needs from the world around it, shared by every pack: the server's Molang runtime and each
 * entity's Molang context (the {@code MolangWorld} service's, so that {@code molang:eval} sees a pack entity's
 * variables), the seeded random source, the environment (difficulty, biomes), the loot roller, the definitions of the
 * started packs, the server. Game thread only (but for the Molang runtime, which is thread-safe).
 *
 * @param molang the Molang runtime packs compile in
 * @param contexts the Molang context of an entity, kept while it lives
 * @param random the random source of every roll ({@code packs.seed} seeds it)
 * @param environment the current environment settings
 * @param loot rolls loot tables
 * @param definitions finds definitions across packs
 * @param server the server
 * @param log where failures of pack content go
 */
public record PackWorld(Molang molang, Function<Entity, MolangContext> contexts, RandomGenerator random, Supplier<Environment> environment, LootRoller loot,
        DefinitionLookup definitions, Server server, Logger log) {}
