package dev.plinth.lang.js.internal.binding;

import org.graalvm.polyglot.Value;

/**
 * Reading the arguments of a host function, with errors that name the function and the argument
 * ({@code mc.broadcast: argument 1 must be a string, not undefined}). Thrown errors reach the script as
 * {@code Error}s it can catch.
 */
public final class Args {

    private Args() {}

    /**
     * A string argument.
     *
     * @param args the arguments
     * @param index the index, from 0
     * @param api the function, for the message
     * @return the string
     * @throws IllegalArgumentException when it is missing or not a string
     */
    public static String string(Value[] args, int index, String api) {
        if (index < args.length && args[index].isString()) {
            return args[index].asString();
        }
        throw wrong(args, index, api, "a string");
    }

    /**
     * An optional string argument.
     *
     * @param args the arguments
     * @param index the index, from 0
     * @param fallback the value when it is missing, null or undefined
     * @param api the function, for the message
     * @return the string
     * @throws IllegalArgumentException when it is present and not a string
     */
    public static String string(Value[] args, int index, String fallback, String api) {
        return absent(args, index) ? fallback : string(args, index, api);
    }

    /**
     * A number argument.
     *
     * @param args the arguments
     * @param index the index, from 0
     * @param api the function, for the message
     * @return the number
     * @throws IllegalArgumentException when it is missing or not a number
     */
    public static double number(Value[] args, int index, String api) {
        if (index < args.length && args[index].isNumber()) {
            return args[index].asDouble();
        }
        throw wrong(args, index, api, "a number");
    }

    /**
     * A whole-number argument.
     *
     * @param args the arguments
     * @param index the index, from 0
     * @param api the function, for the message
     * @return the number
     * @throws IllegalArgumentException when it is missing or not a whole number
     */
    public static long integer(Value[] args, int index, String api) {
        if (index < args.length && args[index].isNumber() && args[index].fitsInLong()) {
            return args[index].asLong();
        }
        throw wrong(args, index, api, "a whole number");
    }

    /**
     * An optional whole-number argument.
     *
     * @param args the arguments
     * @param index the index, from 0
     * @param fallback the value when it is missing, null or undefined
     * @param api the function, for the message
     * @return the number
     * @throws IllegalArgumentException when it is present and not a whole number
     */
    public static long integer(Value[] args, int index, long fallback, String api) {
        return absent(args, index) ? fallback : integer(args, index, api);
    }

    /**
     * A function argument.
     *
     * @param args the arguments
     * @param index the index, from 0
     * @param api the function, for the message
     * @return the function
     * @throws IllegalArgumentException when it is missing or not a function
     */
    public static Value function(Value[] args, int index, String api) {
        if (index < args.length && args[index].canExecute()) {
            return args[index];
        }
        throw wrong(args, index, api, "a function");
    }

    /**
     * Whether an argument is missing, {@code null} or {@code undefined}.
     *
     * @param args the arguments
     * @param index the index, from 0
     * @return whether it is absent
     */
    public static boolean absent(Value[] args, int index) {
        return index >= args.length || args[index].isNull();
    }

    private static IllegalArgumentException wrong(Value[] args, int index, String api, String expected) {
        String actual = index >= args.length ? "missing" : describe(args[index]);
        return new IllegalArgumentException(api + ": argument " + (index + 1) + " must be " + expected + ", not "
                + actual);
    }

    private static String describe(Value value) {
        if (value.isNull()) {
            return value.toString();
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.canExecute()) {
            return "a function";
        }
        return "an object";
    }
}
