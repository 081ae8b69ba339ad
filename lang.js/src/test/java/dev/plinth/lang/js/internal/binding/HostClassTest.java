package dev.plinth.lang.js.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.permission.Grants;
import dev.plinth.core.sandbox.permission.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated host object classes: exactly the arguments a script passes, the handle, the permission gate. */
class HostClassTest {

    /** A Java object behind a host object, recording what its methods were given. */
    static final class Box {
        final List<Integer> argumentCounts = new ArrayList<>();
    }

    static final HostClass<Box> BOX = HostClass.builder("Box", Box.class)
            .method("count", (objects, box, args) -> {
                box.argumentCounts.add(args.length);
                return args.length;
            })
            .method("first", (objects, box, args) -> Args.string(args, 0, "box.first"))
            .build();

    static final HostClass<Box> GUARDED = HostClass.builder("Guarded", Box.class)
            .requires(Permission.WORLD)
            .method("open", (objects, box, args) -> "opened")
            .build();

    @RegisterExtension
    static final ContextFixture CONTEXTS = new ContextFixture();

    private static <T> T inContext(Grants grants, java.util.function.BiFunction<Context, HostObjects, T> work) {
        return CONTEXTS.inContext(grants, List.of(BOX, GUARDED), work);
    }

    private static Value run(Context context, String function, Object... args) {
        return context.eval("js", function).execute(args);
    }

    @Test
    void aMethodGetsExactlyTheArgumentsTheScriptPassed() {
        var box = new Box();
        String counts = inContext(new Grants("test", Grants.DEFAULT), (context, objects) -> run(context,
                "(b) => [b.count(), b.count(1), b.count(1, 'two', null), b.count(1, 2, 3, 4, 5, 6, 7, 8)].join()",
                objects.wrap(BOX, box)).asString());
        assertEquals("0,1,3,6", counts, "no padding with undefined; more than six are cut");
        assertEquals(List.of(0, 1, 3, 6), box.argumentCounts);
    }

    @Test
    void aMissingRequiredArgumentIsAnErrorNamingTheMethod() {
        String message = inContext(new Grants("test", Grants.DEFAULT), (context, objects) -> run(context,
                "(b) => { try { b.first(); return 'no error'; } catch (e) { return String(e.message); } }",
                objects.wrap(BOX, new Box())).asString());
        assertTrue(message.contains("box.first: argument 1 must be a string"), message);
    }

    @Test
    void aMethodBorrowedByAnotherObjectIsATypeError() {
        String message = inContext(new Grants("test", Grants.DEFAULT), (context, objects) -> run(context,
                "(b) => { try { b.count.call({}); return 'no error'; } catch (e) { return e.constructor.name; } }",
                objects.wrap(BOX, new Box())).asString());
        assertEquals("TypeError", message);
    }

    @Test
    void aMethodOfAKindTheManifestDoesNotGrantIsRefusedWithTheCode() {
        String message = inContext(new Grants("test", Set.of(Permission.PLAYER)), (context, objects) -> run(context,
                "(g) => { try { return g.open(); } catch (e) { return String(e.message); } }",
                objects.wrap(GUARDED, new Box())).asString());
        assertTrue(message.contains("ERR_PERMISSION_DENIED") && message.contains("guarded.open"), message);
        String allowed = inContext(new Grants("test", Set.of(Permission.WORLD)), (context, objects) -> run(context,
                "(g) => g.open()", objects.wrap(GUARDED, new Box())).asString());
        assertEquals("opened", allowed);
    }

    @Test
    void anObjectComesBackAsItsJavaObjectAndNothingElseDoes() {
        var box = new Box();
        inContext(new Grants("test", Grants.DEFAULT), (context, objects) -> {
            Value wrapped = objects.wrap(BOX, box);
            assertTrue(objects.unwrap(BOX, run(context, "(b) => b", wrapped), "test") == box, "the same Java object");
            assertTrue(objects.is(BOX, wrapped));
            assertEquals("box: " + box, run(context, "(b) => String(b)", wrapped).asString());
            Value guarded = objects.wrap(GUARDED, new Box());
            assertFalse(objects.is(BOX, guarded), "another kind's object is not a box");
            for (Value other : List.of(guarded, context.eval("js", "({})"), context.eval("js", "(() => 1)"),
                    context.eval("js", "'box'"))) {
                var e = assertThrows(IllegalArgumentException.class, () -> objects.unwrap(BOX, other, "box.test"));
                assertEquals("box.test: expected a box", e.getMessage());
            }
            assertEquals("undefined,0,0", run(context, "(b) => [typeof b.h, Object.getOwnPropertyNames(b).length, "
                    + "Object.getOwnPropertySymbols(b).length].join()", wrapped).asString(),
                    "the handle is not a member a script can reach");
            return null;
        });
    }
}
