package dev.plinth.lang.js.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Why GraalJS runs interpreted on a JVM that was given the Graal compiler, read from Truffle's own warning: the
 * warnings below are Truffle's, as GraalJS 25.0.4 and 25.3.4.1 print them on Temurin 25.0.3.
 */
class JitRefusalTest {

    private static final String HINTS = "[engine] WARNING: The polyglot engine uses a fallback runtime that does not "
            + "support runtime compilation to native code.\nExecution without runtime compilation will negatively "
            + "impact the guest application performance.\n";

    @Test
    void shouldNameTheJvmciVersionTheCompilerWants() {
        String warning = HINTS + "The following cause was found: The VM does not support the minimum JVMCI API version "
                + "required by Graal: 25.0.3+9 < 25.0.4+7-jvmci-b01.\nCurrently used Java home directory is "
                + "/usr/lib/jvm/temurin-25-jdk-amd64.\nCurrently used VM configuration is: OpenJDK 64-Bit Server VM\n"
                + "Download JDK 25 or later.\nFor more information see: https://www.graalvm.org/latest/reference-manual/"
                + "embed-languages/#runtime-optimization-support.\n";

        assertEquals("The VM does not support the minimum JVMCI API version required by Graal: 25.0.3+9 < "
                + "25.0.4+7-jvmci-b01.", JitRefusal.reason(warning));
    }

    @Test
    void shouldJoinACauseOfSeveralLinesIntoOne() {
        String warning = HINTS + "The following cause was found: Version check failed.\nThe VM does not support the "
                + "minimum JVMCI API version required by Graal: 25.0.3+9 < 25.0.4.1+1-jvmci-25.3-b22.\nCurrently used "
                + "Java home directory is /usr/lib/jvm/temurin-25-jdk-amd64.\n";

        assertEquals("Version check failed. The VM does not support the minimum JVMCI API version required by Graal: "
                + "25.0.3+9 < 25.0.4.1+1-jvmci-25.3-b22.", JitRefusal.reason(warning));
    }

    @Test
    void shouldSayTheCompilerDidNotStartWhenTruffleNamesNoCause() {
        assertEquals("the Graal compiler did not start, and Truffle names no cause", JitRefusal.reason(HINTS));
    }

    @Test
    void shouldFindNothingToReportOnAJvmGivenNoGraalCompiler() {
        // these tests run without bin/plinth's JIT flags: interpreting is what such a JVM is expected to do
        assertTrue(JitRefusal.whenInterpreted().isEmpty());
        try (var engine = SharedEngine.create()) {
            assertTrue(engine.jitRefusal().isEmpty(), engine.mode());
        }
    }
}
