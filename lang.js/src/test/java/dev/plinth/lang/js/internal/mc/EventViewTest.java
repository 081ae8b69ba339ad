package dev.plinth.lang.js.internal.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.events.NamedEvent;
import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.lang.js.internal.binding.ContextFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An event as a handler sees it: present and absent members, payload fields, keys, cancelling, read-only views. */
class EventViewTest {

    @RegisterExtension
    static final ContextFixture CONTEXTS = new ContextFixture();

    private static String view(NamedEvent event, boolean mutable, String function) {
        return CONTEXTS.inContext(new Grants("test", Grants.DEFAULT), GameObjects.ALL, (context, objects) ->
                context.eval("js", function).execute(new EventView(event, mutable, objects)).toString());
    }

    @Test
    void membersAnEventDoesNotHaveAreUndefinedAndNotIn() {
        var event = NamedEvent.of("quests:done", Map.of("quest", "dragon"));
        assertEquals("undefined,undefined,false,false,true", view(event, true,
                "(e) => [typeof e.player, typeof e.killer, 'player' in e, 'entity' in e, 'cancel' in e].join()"));
    }

    @Test
    void payloadFieldsAndTheNameAreReadableAndListed() {
        var event = NamedEvent.of("quests:done", Map.of("quest", "dragon", "reward", 5));
        assertEquals("quests:done,dragon,5,true", view(event, true,
                "(e) => [e.name, e.quest, e.reward, Object.keys(e).includes('reward')].join()"));
    }

    @Test
    void cancellingIsSeenByTheEventAndTheScript() {
        var event = NamedEvent.of("quests:done", Map.of());
        assertEquals("false,true", view(event, true, "(e) => { const before = e.cancelled; e.cancel(); "
                + "return [before, e.is_cancelled()].join(); }"));
        assertTrue(event.isCancelled());
    }

    @Test
    void aMonitorViewRefusesToCancel() {
        var event = NamedEvent.of("quests:done", Map.of());
        String message = view(event, false, "(e) => { try { e.cancel(); return 'cancelled'; } "
                + "catch (x) { return String(x.message); } }");
        assertTrue(message.contains("read-only for MONITOR handlers"), message);
        assertEquals(false, event.isCancelled());
        String set = view(event, false, "(e) => { 'use strict'; try { e.cancelled = true; return 'set'; } "
                + "catch (x) { return String(x.message); } }");
        assertTrue(set.contains("read-only for MONITOR handlers"), set);
        assertEquals(false, event.isCancelled());
    }

    @Test
    void settingAFieldTheEventDoesNotHaveIsAnErrorNamingIt() {
        var event = NamedEvent.of("quests:done", Map.of("quest", "dragon"));
        String message = view(event, true, "(e) => { 'use strict'; try { e.quest = 'troll'; return 'set'; } "
                + "catch (x) { return String(x.message); } }");
        assertTrue(message.contains("event 'quests:done' has no field 'quest' to set"), message);
    }
}
