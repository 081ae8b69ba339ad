package dev.plinth.bedrock.packs.internal.definition;

import dev.plinth.bedrock.molang.MolangExpression;
import dev.plinth.bedrock.packs.internal.json.Json;

/**
 * One entry of a behavior pack animation's timeline or controller's {@code on_entry} / {@code on_exit}: an entity
 * event ({@code @s custom:grow}), a slash command (kept: the simulated world runs no Bedrock commands, it records
 * them) or Molang.
 */
public sealed interface ScriptAction {

    /**
     * Triggers an event on the entity.
     *
     * @param event the event
     */
    record Event(String event) implements ScriptAction {}

    /**
     * A command, recorded.
     *
     * @param command the command line
     */
    record Command(String command) implements ScriptAction {}

    /**
     * Molang to evaluate.
     *
     * @param expression the expression
     */
    record Molang(MolangExpression expression) implements ScriptAction {}

    /**
     * Reads one entry.
     *
     * @param value a string
     * @param reading the pack being read
     * @return the action
     */
    static ScriptAction read(Json value, Reading reading) {
        String text = value.text().strip();
        if (text.startsWith("@s ")) {
            return new Event(text.substring(3).strip());
        }
        if (text.startsWith("/")) {
            reading.keep("command " + text.split("\\s+")[0]);
            return new Command(text);
        }
        return new Molang(reading.expression(value));
    }
}
