package dev.plinth.client.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLinesTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final ConsoleLines console = new ConsoleLines(new PrintStream(terminal, true, StandardCharsets.UTF_8));

    private String shown() {
        return terminal.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void aBarIsRedrawnInPlaceAndTheNextLineStartsBelowIt() {
        console.line("transfer: 2 file(s) to download (2.0 KiB), 0 in the cache");
        console.line("\r[###   ]  50% 1/2 files");
        console.line("\r[######] 100% 2/2 files");
        console.line("transfer complete: 2 file(s), 2.0 KiB in 0.1 s");
        assertEquals("transfer: 2 file(s) to download (2.0 KiB), 0 in the cache\n"
                + "\r[###   ]  50% 1/2 files\r[######] 100% 2/2 files\n"
                + "transfer complete: 2 file(s), 2.0 KiB in 0.1 s\n", shown());
    }

    @Test
    void aPromptHasNoLineEnd() {
        console.prompt("client> ");
        console.line("resources");
        assertEquals("client> resources\n", shown());
    }
}
