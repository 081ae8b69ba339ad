package dev.plinth.core.runtime.internal.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.form.CustomForm;
import dev.plinth.core.runtime.form.FormResponse;
import dev.plinth.core.runtime.form.ModalForm;
import dev.plinth.core.runtime.form.SimpleForm;
import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.simulation.SimulationException;
import dev.plinth.core.runtime.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms: shown in the inbox, answered, closed, timed out; the future always completes on the game thread. */
class FormsTest {

    @TempDir
    Path home;

    TestServer test;

    @BeforeEach
    void start() {
        test = new TestServer(home, new ServerConfig(null, null, null, new ServerConfig.Forms(5), null));
        test.simulation().join("alice");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private CompletableFuture<FormResponse> send(dev.plinth.core.runtime.form.Form form) {
        return test.onGame(() -> test.server.player("alice").orElseThrow().sendForm(form));
    }

    @Test
    void aSimpleFormIsAnsweredWithAButtonAndTheCallbackRunsOnTheGameThread() {
        var response = send(SimpleForm.of("Menu", "Choose:").withButton("One").withButton("Two"));
        var thread = response.thenApply(r -> test.loop.isGameThread());
        assertEquals("2 form 1 simple 'Menu': Choose: [0] One [1] Two [open]", test.simulation().inbox("alice").getLast());

        assertEquals("form 1 of alice: ButtonPressed[index=1, text=Two]", test.simulation().answerForm("alice", 1, "1"));

        assertEquals(new FormResponse.ButtonPressed(1, "Two"), response.join());
        assertTrue(thread.join());
        assertTrue(test.simulation().inbox("alice").getLast().endsWith("[ButtonPressed[index=1, text=Two]]"));
    }

    @Test
    void aModalFormIsAnsweredYesOrNo() {
        var response = send(ModalForm.of("Sure?", "Really?"));
        test.simulation().answerForm("alice", 1, "no");
        assertEquals(new FormResponse.ModalAnswered(false), response.join());
    }

    @Test
    void aCustomFormIsAnsweredWithOneValuePerInput() {
        var response = send(CustomForm.of("Settings").withLabel("Hello").withInput("Name", "Steve")
                .withToggle("PvP", false).withSlider("Volume", 0, 10).withDropdown("Team", List.of("red", "blue")));
        test.simulation().answerForm("alice", 1, "[\"Bob\", true, 7, 1]");
        assertEquals(new FormResponse.Submitted(List.of("Bob", true, 7.0, 1)), response.join());
    }

    @Test
    void anAnswerThatDoesNotFitIsRefusedAndTheFormStaysOpen() {
        var response = send(CustomForm.of("Settings").withToggle("PvP", false).withSlider("Volume", 0, 10));
        assertThrows(SimulationException.class, () -> test.simulation().answerForm("alice", 1, "[true]"));
        assertThrows(SimulationException.class, () -> test.simulation().answerForm("alice", 1, "[true, 11]"));
        assertThrows(SimulationException.class, () -> test.simulation().answerForm("alice", 1, "not json"));
        assertThrows(SimulationException.class, () -> test.simulation().answerForm("alice", 2, "close"));
        assertFalse(response.isDone());
    }

    @Test
    void closingAFormEndsItWithClosed() {
        var response = send(SimpleForm.of("Menu", "").withButton("A"));
        test.simulation().answerForm("alice", 1, "close");
        assertEquals(new FormResponse.Closed(), response.join());
        var again = assertThrows(SimulationException.class, () -> test.simulation().answerForm("alice", 1, "0"));
        assertEquals("ERR_NOT_FOUND: alice has no open form 1", again.getMessage());
    }

    @Test
    void anUnansweredFormTimesOutAfterTheConfiguredTicks() {
        var response = send(SimpleForm.of("Menu", "").withButton("A"));
        test.simulation().tick(4);
        assertFalse(response.isDone());
        test.simulation().tick(1);
        assertEquals(new FormResponse.TimedOut(), response.join());
        assertFalse(response.join().answered());
    }

    @Test
    void leavingClosesTheOpenForms() {
        var response = send(ModalForm.of("Sure?", "Really?"));
        test.simulation().quit("alice");
        assertEquals(new FormResponse.Closed(), response.join());
        var offline = test.onGame(() -> test.server.knownPlayer("alice").orElseThrow().sendForm(ModalForm.of("a", "b")));
        assertEquals(new FormResponse.Closed(), offline.join(), "a form sent to an offline player closes at once");
    }
}
