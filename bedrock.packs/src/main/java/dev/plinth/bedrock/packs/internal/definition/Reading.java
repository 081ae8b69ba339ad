package dev.plinth.bedrock.packs.internal.definition;

import dev.plinth.bedrock.molang.MolangException;
import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.molang.MolangScope;
import dev.plinth.bedrock.packs.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What reading one pack's files needs: the pack's Molang scope (expressions are compiled while the files are read,
 * off the game thread) and where notes about kept, unsimulated parts go.
 *
 * <p>Thread-safe: files of a pack may be read on several threads.
 *
 * @param pack the pack's name
 * @param molang the pack's Molang scope
 * @param kept what was kept without being simulated (component, filter test, function...), with a count
 */
public record Reading(String pack, MolangScope molang, Map<String, Integer> kept) {

    /**
     * Starts reading a pack.
     *
     * @param pack the pack's name
     * @param molang its scope
     * @return the reading
     */
    public static Reading of(String pack, MolangScope molang) {
        return new Reading(pack, molang, new ConcurrentHashMap<>());
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
            return molang.compile(source);
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
            return molang.compile(String.join(" ", parts));
        } catch (MolangException e) {
            throw value.problem(e.getMessage());
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
