package dev.plinth.lang.js.internal.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Engine;

/**
 * Why GraalJS runs interpreted on a JVM that was given the Graal compiler ({@code bin/plinth}'s
 * {@code --upgrade-module-path=lib/jvmci}, which the JVM took): Truffle checks the compiler against the JVM's JVMCI
 * only when an engine starts, so a compiler of a release that needs a newer JDK (the Graal compiler 25.0.4 wants
 * JDK 25.0.4 or later) passes {@code bin/plinth}'s probe, and the engine falls back to the interpreter. Truffle says
 * why in its interpreter-only warning, which the shared engine leaves out; this reads the reason from that warning,
 * printed by a throwaway engine that starts only in this case.
 *
 * <p>Thread-safe (no state).
 */
final class JitRefusal {

    /** The Graal compiler's module: in the boot layer when the JVM took the compiler jars. */
    private static final String COMPILER_MODULE = "jdk.graal.compiler";

    /** Truffle's words before the reason, which runs to the line that points to the documentation. */
    private static final Pattern CAUSE = Pattern.compile(
            "The following cause was found: (.*?)\\R(?:Currently used Java home|For more information|In order to use)",
            Pattern.DOTALL);

    private JitRefusal() {}

    /**
     * Why the Graal compiler the JVM was given does not compile JavaScript, when it was given; call it only once an
     * engine started interpreted. Starts a throwaway engine (a fraction of a second) when the compiler was given.
     *
     * @return the reason, in Truffle's words; empty when the JVM was given no Graal compiler ({@code PLINTH_JIT=off},
     *     a JVM that refused the flags): then interpreting is expected, and {@code bin/plinth} said so
     */
    static Optional<String> whenInterpreted() {
        if (ModuleLayer.boot().findModule(COMPILER_MODULE).isEmpty()) {
            return Optional.empty();
        }
        var warning = new ByteArrayOutputStream();
        SharedEngine.withPolyglotLoader(() -> {
            Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "true").logHandler(warning).build().close();
            return null;
        });
        return Optional.of(reason(warning.toString(StandardCharsets.UTF_8)));
    }

    /**
     * The reason in Truffle's interpreter-only warning, on one line.
     *
     * @param warning what the engine logged
     * @return the cause it names, or a sentence saying that the compiler did not start when it names none
     */
    static String reason(String warning) {
        Matcher cause = CAUSE.matcher(warning);
        return cause.find() ? cause.group(1).strip().replaceAll("\\s*\\R\\s*", " ")
                : "the Graal compiler did not start, and Truffle names no cause";
    }
}
