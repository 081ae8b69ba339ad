package dev.plinth.bedrock.molang.internal.runtime;

import dev.plinth.bedrock.molang.MolangArguments;
import dev.plinth.bedrock.molang.MolangValue;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a query call: made once at compile time when they are constants, per call otherwise.
 */
public final class Arguments implements MolangArguments {

    /** No arguments. */
    public static final Arguments NONE = new Arguments(new MolangValue[0]);

    private final @Nullable MolangValue[] values;

    /**
     * Wraps evaluated arguments.
     *
     * @param values the values, nothing as null; kept, not copied
     */
    public Arguments(@Nullable MolangValue[] values) {
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public double number(int index) {
        return index >= 0 && index < values.length ? Values.number(values[index]) : 0;
    }

    @Override
    public String text(int index) {
        return index >= 0 && index < values.length && values[index] instanceof MolangValue.Text(String text) ? text
                : "";
    }

    @Override
    public MolangValue value(int index) {
        return index >= 0 && index < values.length ? Values.orZero(values[index]) : MolangValue.ZERO;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
