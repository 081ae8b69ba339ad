package dev.plinth.bedrock.molang;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The arguments of one query call, {@code 'off_hand'} in {@code query.get_equipped_item_name('off_hand')}. Constant
 * arguments are evaluated once, when the expression is compiled.
 *
 * <p>Valid during the query call only; do not keep it.
 */
@ProviderType
public interface MolangArguments {

    /**
     * How many arguments the call has.
     *
     * @return the count, 0 for {@code query.health}
     */
    int size();

    /**
     * An argument as a number.
     *
     * @param index from 0
     * @return its value; 0 when there is no such argument or it is not a number
     */
    double number(int index);

    /**
     * An argument as a string.
     *
     * @param index from 0
     * @return its value; the empty string when there is no such argument or it is not a string
     */
    String text(int index);

    /**
     * An argument.
     *
     * @param index from 0
     * @return its value; {@link MolangValue#ZERO} when there is no such argument
     */
    MolangValue value(int index);
}
