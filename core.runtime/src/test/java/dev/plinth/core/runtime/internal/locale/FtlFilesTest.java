package dev.plinth.core.runtime.internal.locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FtlFilesTest {

    @Test
    void formatsMessagesWithArgumentsAndPlurals() {
        var bundle = FtlFiles.bundle(Locale.US, Map.of("main.ftl", """
                welcome-message = Welcome to the game!
                download-failed = Failed to download mod "{$mod_id}"
                items = You have {$n ->
                    [one] one item
                   *[other] {$n} items
                }
                """), error -> { });
        assertEquals("Welcome to the game!", bundle.format("welcome-message"));
        assertEquals("Failed to download mod \"x\"", bundle.format("download-failed", Map.of("mod_id", "x")));
        assertEquals("You have one item", bundle.format("items", Map.of("n", 1)));
        assertTrue(bundle.format("items", Map.of("n", 1200)).contains("1,200 items"));
    }

    @Test
    void malformedFileIsReportedWithLineAndItsGoodMessagesStay() {
        var errors = new ArrayList<String>();
        var bundle = FtlFiles.bundle(Locale.US, Map.of("mod/locale/en-US/main.ftl", "good = fine\nbroken = {\n"),
                errors::add);
        assertEquals("fine", bundle.format("good"));
        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().startsWith("mod/locale/en-US/main.ftl:2: "), errors.getFirst());
    }
}
