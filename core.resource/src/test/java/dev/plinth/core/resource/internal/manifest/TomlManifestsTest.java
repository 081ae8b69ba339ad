package dev.plinth.core.resource.internal.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlManifestsTest {

    @Test
    void keysTablesAndArrayTablesGetTheirLines() {
        var lines = TomlManifests.keyLines("""
                # comment = not a key
                title = "x" # trailing
                [plugin]
                name = "a#b"
                "quoted.key" = 1
                desc = \"\"\"
                fake = 1
                \"\"\"
                list = [
                  "x = 1",
                ]
                after = 2
                [[items]]
                id = 1
                [[items]]
                id = 2
                dotted.key = 3
                """);

        assertEquals(Map.ofEntries(Map.entry("title", 2), Map.entry("plugin", 3), Map.entry("plugin.name", 4),
                Map.entry("plugin.quoted.key", 5), Map.entry("plugin.desc", 6), Map.entry("plugin.list", 9),
                Map.entry("plugin.after", 12), Map.entry("items", 13), Map.entry("items[0]", 13),
                Map.entry("items[0].id", 14), Map.entry("items[1]", 15), Map.entry("items[1].id", 16),
                Map.entry("items[1].dotted.key", 17)), lines);
    }

    @Test
    void aKeyOfThousandsOfEscapedQuotesIsScannedInOnePass() {
        String key = "\"" + "\\\"".repeat(3000) + "\"";
        String text = "[plugin]\nname = \"x\"\nx." + key + " = 1\n";
        assertTrue(text.length() > 6000, "the attack is a 6 KB manifest");

        var lines = TomlManifests.keyLines(text);

        assertEquals(3, lines.get("plugin.x." + "\"".repeat(3000)));
    }

    @Test
    void quotedKeysKeepTheirDotsAndSpaces() {
        var lines = TomlManifests.keyLines("a . \"b.c\" . ' d ' = 1\n");

        assertEquals(Map.of("a.b.c. d ", 1), lines);
    }
}
