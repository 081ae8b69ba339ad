package dev.plinth.lang.js.internal.host;

import org.apache.felix.service.command.Descriptor;

/**
 * The {@code js:*} shell commands: {@code js:info} prints the GraalJS version, whether the Graal JIT compiles
 * scripts or they run interpreted, the running JavaScript resources and the default limits.
 *
 * <p>Called by the Gogo shell on its own thread.
 */
public final class JsShell {

    private final JsExtender host;

    JsShell(JsExtender host) {
        this.host = host;
    }

    /**
     * {@code js:info}.
     *
     * @return the line to print
     */
    @Descriptor("the JavaScript engine: GraalJS version, JIT or interpreter (and why), the running JavaScript resources, the limits")
    public String info() {
        return host.info();
    }
}
