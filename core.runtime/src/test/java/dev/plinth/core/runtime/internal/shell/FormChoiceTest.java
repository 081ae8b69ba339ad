package dev.plinth.core.runtime.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the shell hands {@code sim:form} for each way of writing a choice. */
class FormChoiceTest {

    @Test
    void oneArgumentIsTakenAsItIs() {
        assertEquals("0", FormChoice.of(0L));
        assertEquals("yes", FormChoice.of("yes"));
        assertEquals("[\"Steve\", true, 5]", FormChoice.of("[\"Steve\", true, 5]"));
    }

    @Test
    void anUnquotedJsonArraySplitByTheShellIsPutBackTogether() {
        // what Gogo makes of: sim:form alice 1 ["Steve", true, 5]
        assertEquals("[\"Steve\", true, 5]", FormChoice.of("Steve", "true,", 5L));
    }

    @Test
    void gogosOwnListIsAJsonArray() {
        assertEquals("[\"Steve\", true, 5]", FormChoice.of(List.of("Steve", true, 5L)));
        assertEquals("[\"a \\\"quoted\\\" name\", false, 2.5]", FormChoice.of("a \"quoted\" name", false, 2.5));
    }
}
