package dev.plinth.core.sandbox.script;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A function the host gives a script, a global of its {@link ScriptSetup} or a member of one of its tables.
 *
 * <p>Called on the thread of the script's call, inside that call (its budget and wall-clock bound run on).
 */
@ConsumerType
@FunctionalInterface
public interface HostFunction {

    /**
     * Runs the function.
     *
     * @param args what the script passed, as plain values, bounded like every value a script hands the host; a
     *     function it passed is a {@link ScriptFunction}
     * @return a plain value, several results as {@link ScriptResults}, or {@code null} for none
     * @throws RuntimeException any: the script sees it as an error it may catch, with the exception's message
     */
    @Nullable Object call(List<@Nullable Object> args);
}
