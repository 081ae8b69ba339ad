package dev.plinth.core.resource.internal.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class VersionSyntaxTest {

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0.0", "1.2, 1.2.0", "3, 3.0.0", "v2.1.0, 2.1.0", "2.3.0-beta, 2.3.0.beta",
            "1.0.0-rc.1+build.5, 1.0.0.rc_1_build_5"})
    void versionsAreReadLeniently(String text, String expected) {
        assertEquals(Optional.of(Version.parseVersion(expected)), VersionSyntax.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"soon", "1.x", "''"})
    void nonVersionsAreRefused(String text) {
        assertEquals(Optional.empty(), VersionSyntax.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ">=1.0.0 | 1.0.0",
            ">1.0 | (1.0.0,∞",
            "[1.2,2) | [1.2.0,2.0.0)",
            ">=1.0 <2.0 | [1.0.0,2.0.0)",
            ">=1.0, <2 | [1.0.0,2.0.0)",
            "^1.2.3 | [1.2.3,2.0.0)",
            "^0.2.3 | [0.2.3,0.3.0)",
            "~1.2.3 | [1.2.3,1.3.0)",
            "* | 0.0.0",
            "1.0.0 | [1.0.0,1.0.0]",
            "=1.0.0 | [1.0.0,1.0.0]",
            "<=2.0 | [0.0.0,2.0.0]"})
    void rangesInEverySpelling(String text, String expected) {
        VersionRange expectedRange = expected.endsWith("∞")
                ? new VersionRange(VersionRange.LEFT_OPEN, new Version(1, 0, 0), null, VersionRange.RIGHT_OPEN)
                : new VersionRange(expected);
        assertEquals(Optional.of(expectedRange), VersionSyntax.parseRange(text, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.0.0 | [1.0.0,1.0.0]", "1.0.0,2.0.0 | [1.0.0,2.0.0]"})
    void staminalExactVersionsAndMinMaxRanges(String text, String expected) {
        assertEquals(Optional.of(new VersionRange(expected)), VersionSyntax.parseRange(text, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"soon", ">=2.0 <1.0", "[2,1)", ">= <", "1.0,2.0,3.0"})
    void unsatisfiableOrMalformedRangesAreRefused(String text) {
        assertEquals(Optional.empty(), VersionSyntax.parseRange(text, true));
    }
}
