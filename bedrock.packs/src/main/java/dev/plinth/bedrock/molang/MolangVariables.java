package dev.plinth.bedrock.molang;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One entity's {@code variable.*} values, kept from one evaluation to the next: what {@code v.x = 1;} writes, a
 * later {@code v.x} reads. Made by {@link Molang#newVariables()} and usable with every expression of the same
 * {@link Molang}. An unset variable reads 0 and counts as missing for {@code ??}.
 *
 * <p>Names are what follows {@code variable.} or {@code v.}, in any letter case: {@code attack_time},
 * {@code dance.x}. Looking a name up here costs a map look-up; compiled expressions do not look names up.
 *
 * <p>Not thread-safe: use a store from one thread at a time (for entities, the game thread).
 */
@ProviderType
public interface MolangVariables {

    /**
     * A variable as a number.
     *
     * @param name the variable name
     * @return its value; 0 when it is unset or holds something other than a number
     */
    double number(String name);

    /**
     * A variable's value.
     *
     * @param name the variable name
     * @return its value, or empty when it is unset
     */
    Optional<MolangValue> value(String name);

    /**
     * Sets a variable to a number.
     *
     * @param name the variable name
     * @param value the number
     * @throws IllegalArgumentException when the name is not a Molang name
     */
    void set(String name, double value);

    /**
     * Sets a variable.
     *
     * @param name the variable name
     * @param value the value
     * @throws IllegalArgumentException when the name is not a Molang name
     */
    void set(String name, MolangValue value);

    /**
     * Unsets a variable.
     *
     * @param name the variable name
     */
    void remove(String name);

    /** Unsets every variable. */
    void clear();

    /**
     * The variables that are set.
     *
     * @return name (lower case) to value, sorted by name; a copy
     */
    Map<String, MolangValue> snapshot();
}
