package dev.plinth.lang.js.internal.binding;

import dev.plinth.core.sandbox.host.ScriptLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The JavaScript side of the host API ({@code prelude.js}), run once in every context before its first module:
 * {@code console.*} written to the script's log, {@code setTimeout} / {@code setInterval} / {@code clear*} on the
 * host's timers, and the helpers the host keeps (promises it settles, thenable checks).
 *
 * <p>Run it inside a call of the context (the context entered), before any of the script's code.
 */
public final class Prelude {

    private static final Source SOURCE = Source.newBuilder("js", read(), "plinth-prelude.js").buildLiteral();

    private Prelude() {}

    /**
     * Runs the prelude in a context.
     *
     * @param context the script's context, entered
     * @param log where {@code console.log/info/debug/trace} ({@code print}), {@code console.warn} and
     *     {@code console.error} go
     * @param timer the host's timers: called with {@code (delayTicks, repeatTicks, callback)}, returns the timer's id
     * @param cancel cancels a timer by its id
     * @return the helpers ({@code promise}, {@code isThenable}, {@code settle})
     */
    public static Value run(Context context, ScriptLog log, ProxyExecutable timer, ProxyExecutable cancel) {
        var host = new LinkedHashMap<String, Object>();
        host.put("log", (ProxyExecutable) args -> {
            String line = args[1].asString();
            switch (args[0].asString()) {
                case "warn" -> log.warn(line);
                case "error" -> log.error(line);
                default -> log.print(line);
            }
            return null;
        });
        host.put("timer", timer);
        host.put("cancel", cancel);
        return context.eval(SOURCE).execute(ProxyObject.fromMap(host));
    }

    private static String read() {
        try (InputStream in = Prelude.class.getResourceAsStream("prelude.js")) {
            return new String(Objects.requireNonNull(in, "prelude.js").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the JavaScript host's prelude.js is missing from its bundle", e);
        }
    }
}
