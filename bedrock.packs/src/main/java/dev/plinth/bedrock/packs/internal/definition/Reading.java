package dev.plinth.bedrock.packs.internal.definition;

import dev.plinth.bedrock.molang.MolangException;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.packs.internal.json.Json;
import dev.plinth.core.runtime.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * What reading one pack's files needs: the pack's Molang scope (expressions are compiled while the files are read,
 * off the game thread) and where notes about kept, unsimulated parts go.
 *
 * <p>Thread-safe: files of a pack may be read on several threads.
 *
 * @param pack the pack's name
 * @param file the file being read, relative to the pack (empty before a file is chosen)
 * @param lines the line of a JSON pointer in that file, found on demand (0 when it cannot be)
 * @param molang the pack's Molang scope
 * @param kept what was kept without being simulated (component, filter test, function...), with a count
 */
public record Reading(String pack, String file, ToIntFunction<String> lines, MolangScope molang,
        Map<String, Integer> kept) {

    /**
     * Starts reading a pack.
     *
     * @param pack the pack's name
     * @param molang its scope
     * @return the reading
     */
    public static Reading of(String pack, MolangScope molang) {
        return new Reading(pack, "", path -> 0, molang, new ConcurrentHashMap<>());
    }

    /**
     * The same reading, in one file: the expressions it compiles name the file and the line when they fail.
     *
     * @param path the file, relative to the pack
     * @param linesOfFile the line of a JSON pointer in that file, found when an expression fails (0 when unknown)
     * @return the reading of that file, sharing the pack's notes
     */
    public Reading inFile(String path, ToIntFunction<String> linesOfFile) {
        return new Reading(pack, path, linesOfFile, molang, kept);
    }

    /**
     * Compiles Molang written in a file: a string, or a number (a constant).
     *
     * @param value the value
     * @return the expression
     * @throws dev.plinth.bedrock.packs.internal.json.JsonProblem when it is neither, or does not compile
     */
    public MolangExpression expression(Json value) {
        String source;
        if (value.isNumber()) {
            source = value.node().asText();
        } else if (value.node().isBoolean()) {
            source = value.node().booleanValue() ? "1" : "0";
        } else if (value.isText()) {
            source = value.text();
        } else {
            throw value.problem("expected Molang (a string) or a number, found " + value.describe());
        }
        try {
            return located(molang.compile(source), value);
        } catch (MolangException e) {
            throw value.problem(e.getMessage());
        }
    }

    /**
     * Compiles a list of Molang statements that run as one program ({@code pre_animation}, {@code initialize}).
     *
     * @param value a string or an array of strings
     * @return the program
     */
    public MolangExpression program(Json value) {
        List<String> parts = new ArrayList<>();
        for (Json element : value.elements()) {
            parts.add(element.text());
        }
        try {
            return located(molang.compile(String.join(" ", parts)), value);
        } catch (MolangException e) {
            throw value.problem(e.getMessage());
        }
    }

    /** An expression that names this pack, this file and the value's JSON path when its evaluation fails. */
    private MolangExpression located(MolangExpression expression, Json value) {
        return new PackExpression(expression, pack, file, value.path(), lines);
    }

    /**
     * Reads the identifier of an entity, item or block. Bedrock allows names the world does not (Mojang's own pack has
     * {@code minecraft:appleEnchanted}): such a definition is read, noted as kept, and not registered in the world.
     *
     * @param value the {@code description.identifier} value
     * @param kind what it names, for the note ({@code item})
     * @return the identifier: with its namespace ({@code minecraft:} when left out) when the world can name it, else
     *     as written
     * @throws dev.plinth.bedrock.packs.internal.json.JsonProblem when it is missing or not a string
     */
    public String identifier(Json value, String kind) {
        String text = value.text();
        Optional<String> named = worldName(text);
        if (named.isEmpty()) {
            keep(kind + " " + text + ": read, not registered (the world names types in lower case, letters, digits "
                    + "and _ . - /)");
        }
        return named.orElse(text);
    }

    /**
     * The name the world gives a type, when it can name it.
     *
     * @param id the identifier as a pack writes it
     * @return {@code namespace:name} ({@code minecraft:} when left out), or empty when the world's names do not allow
     *     it
     */
    public static Optional<String> worldName(String id) {
        try {
            return Optional.of(Identifier.normalize(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Notes a part kept as data without being simulated.
     *
     * @param what for example {@code component minecraft:behavior.melee_attack}
     */
    public void keep(String what) {
        kept.merge(what, 1, Integer::sum);
    }
}
