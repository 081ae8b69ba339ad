/**
 * Molang, Minecraft Bedrock's expression language: compile an expression or program once, evaluate it many times
 * against an entity's context, with the queries a host registers and a variable store per entity.
 */
@Export
@Version("1.0.0")
@NullMarked
package dev.plinth.bedrock.molang;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
