package dev.plinth.core.runtime.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.runtime.command.CommandDefinition;
import dev.plinth.core.runtime.command.CommandException;
import dev.plinth.core.runtime.command.CommandInfo;
import dev.plinth.core.runtime.command.CommandResult;
import dev.plinth.core.runtime.command.CommandSender;
import dev.plinth.core.runtime.internal.settings.ServerConfig;
import dev.plinth.core.runtime.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands: owners, conflicts, permissions, failures, {@code /help}. */
class CommandTableTest {

    @TempDir
    Path home;

    TestServer test;

    /** A sender that records what it is told and holds the given nodes. */
    private record Sender(String name, Set<String> nodes, List<String> told) implements CommandSender {
        Sender(String name, String... nodes) {
            this(name, Set.of(nodes), new ArrayList<>());
        }

        @Override
        public void sendMessage(String message) {
            told.add(message);
        }

        @Override
        public boolean hasPermission(String node) {
            return nodes.contains(node);
        }
    }

    private TestServer start(ServerConfig config) {
        test = new TestServer(home, config);
        return test;
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private CommandResult run(CommandSender sender, String line) {
        return test.onGame(() -> test.commands.execute(sender, line));
    }

    private static CommandDefinition replying(String name, String reply) {
        return CommandDefinition.of(name, (sender, args) -> sender.sendMessage(reply + args));
    }

    @Test
    void aCommandRunsWithItsArgumentsByNameAliasAndQualifiedName() {
        start(ServerConfig.DEFAULTS);
        test.commands("hello").register(replying("greet", "hi").withAliases("hi"));
        var alice = new Sender("alice");

        assertEquals(CommandResult.EXECUTED, run(alice, "/greet bob  carol"));
        assertEquals(CommandResult.EXECUTED, run(alice, "hi"));
        assertEquals(CommandResult.EXECUTED, run(alice, "/hello:greet x"));
        assertEquals(List.of("hi[bob, carol]", "hi[]", "hi[x]"), alice.told());
    }

    @Test
    void onConflictTheFirstKeepsTheNameBothStayQualifiedAndItIsLogged() {
        start(ServerConfig.DEFAULTS);
        test.commands("alpha").register(replying("spawn", "alpha"));
        test.commands("beta").register(replying("spawn", "beta"));
        var alice = new Sender("alice");

        run(alice, "spawn");
        run(alice, "beta:spawn");
        run(alice, "alpha:spawn");

        assertEquals(List.of("alpha[]", "beta[]", "alpha[]"), alice.told());
        assertTrue(test.log.lines().stream().anyMatch(l -> l.startsWith("WARN command /spawn is registered by [alpha, beta]")
                && l.contains("/beta:spawn")), test.log.lines().toString());
        List<CommandInfo> spawns = test.commands.list().stream().filter(c -> c.name().equals("spawn")).toList();
        assertEquals(List.of(true, false), spawns.stream().map(CommandInfo::ownsName).toList());
    }

    @Test
    void aResourceThatRestartsKeepsItsBareNameAndTheConflictIsLoggedOnce() {
        start(ServerConfig.DEFAULTS);
        var alpha = test.commands("alpha").register(replying("spawn", "alpha"));
        var beta = test.commands("beta").register(replying("spawn", "beta"));
        beta.close(); // beta hot-reloads: the same conflict again
        test.commands("beta").register(replying("spawn", "beta"));
        alpha.close(); // alpha hot-reloads: beta has /spawn until alpha is back, then alpha has it again
        var alice = new Sender("alice");
        run(alice, "spawn");
        test.commands("alpha").register(replying("spawn", "alpha"));
        run(alice, "spawn");

        assertEquals(List.of("beta[]", "alpha[]"), alice.told());
        List<String> warned = test.log.lines().stream().filter(l -> l.startsWith("WARN command /spawn")).toList();
        assertEquals(1, warned.size(), test.log.lines().toString());
        assertTrue(warned.getFirst().startsWith("WARN command /spawn is registered by [alpha, beta]: /spawn runs alpha's"),
                warned.toString());
    }

    @Test
    void aNameNobodyHoldsAnyMoreIsForgottenSoTheNextConflictIsDecidedAfresh() {
        start(ServerConfig.DEFAULTS);
        var alpha = test.commands("alpha").register(replying("spawn", "alpha"));
        var beta = test.commands("beta").register(replying("spawn", "beta"));
        alpha.close();
        beta.close(); // both gone: /spawn is free
        test.commands("beta").register(replying("spawn", "beta"));
        test.commands("alpha").register(replying("spawn", "alpha"));
        var alice = new Sender("alice");
        run(alice, "spawn");

        assertEquals(List.of("beta[]"), alice.told(), "beta registered first since the name was free");
        assertEquals(2, test.log.lines().stream().filter(l -> l.startsWith("WARN command /spawn")).count(),
                test.log.lines().toString());
    }

    @Test
    void theServerSettingChoosesWhoOwnsAConflictingName() {
        start(new ServerConfig(null, new ServerConfig.Commands(Map.of("spawn", "beta")), null, null, null));
        test.commands("alpha").register(replying("spawn", "alpha"));
        test.commands("beta").register(replying("spawn", "beta"));
        var alice = new Sender("alice");

        run(alice, "spawn");

        assertEquals(List.of("beta[]"), alice.told());
    }

    @Test
    void unregisteringGivesTheNameBack() {
        start(ServerConfig.DEFAULTS);
        var first = test.commands("alpha").register(replying("spawn", "alpha"));
        test.commands("beta").register(replying("spawn", "beta"));
        first.close();
        var alice = new Sender("alice");
        run(alice, "spawn");
        assertEquals(List.of("beta[]"), alice.told());
        assertTrue(first.info().ownsName() == false);
    }

    @Test
    void closingAResourceRegistryUnregistersAllItsCommands() {
        start(ServerConfig.DEFAULTS);
        var registry = test.commands("hello");
        registry.register(replying("a", "a"));
        registry.register(replying("b", "b"));
        registry.close();
        assertEquals(List.of("help"), test.commands.list().stream().map(CommandInfo::name).toList());
    }

    @Test
    void aResourceCannotRegisterTheSameNameTwice() {
        start(ServerConfig.DEFAULTS);
        var registry = test.commands("hello");
        registry.register(replying("a", "a").withAliases("x"));
        var e = assertThrows(CommandException.class, () -> registry.register(replying("x", "x")));
        assertTrue(e.getMessage().startsWith("ERR_ALREADY_REGISTERED: resource 'hello' already registered /a"));
    }

    @Test
    void aMalformedPermissionIsRefusedAtRegistration() {
        start(ServerConfig.DEFAULTS);
        assertThrows(CommandException.class,
                () -> test.commands("hello").register(replying("a", "a").withPermission("Not A Node")));
    }

    @Test
    void aSenderWithoutThePermissionIsDeniedAndTold() {
        start(ServerConfig.DEFAULTS);
        test.commands("hello").register(replying("secret", "s").withPermission("hello.command.secret"));
        var alice = new Sender("alice");
        var bob = new Sender("bob", "hello.command.secret");

        assertEquals(CommandResult.DENIED, run(alice, "secret"));
        assertEquals(CommandResult.EXECUTED, run(bob, "secret"));
        assertEquals(List.of("You do not have permission to use /secret (hello.command.secret)."), alice.told());
    }

    @Test
    void aFailingHandlerIsReportedToTheSenderAndLogged() {
        start(ServerConfig.DEFAULTS);
        var registry = test.commands("hello");
        registry.register(CommandDefinition.of("usage", (s, a) -> {
            throw new CommandException("Usage: /usage NAME");
        }));
        registry.register(CommandDefinition.of("crash", (s, a) -> {
            throw new IllegalStateException("bug");
        }));
        var alice = new Sender("alice");

        assertEquals(CommandResult.FAILED, run(alice, "usage"));
        assertEquals(CommandResult.FAILED, run(alice, "crash"));
        assertEquals(CommandResult.UNKNOWN, run(alice, "nothing"));
        assertEquals(List.of("Usage: /usage NAME", "An error occurred while running /crash.",
                "Unknown command: /nothing. Type /help for the list of commands."), alice.told());
        assertTrue(test.log.lines().stream().anyMatch(l -> l.contains("command /hello:crash of resource 'hello' failed")));
    }

    @Test
    void helpListsOnlyWhatTheSenderMayUse() {
        start(ServerConfig.DEFAULTS);
        test.commands("alpha").register(replying("spawn", "a").withDescription("Back to spawn"));
        test.commands("beta").register(replying("spawn", "b"));
        test.commands("beta").register(replying("secret", "s").withPermission("beta.secret"));
        var alice = new Sender("alice");

        run(alice, "help");

        assertEquals(List.of("Commands (3):", "/help - Lists the commands you can use", "/spawn - Back to spawn",
                "/beta:spawn"), alice.told());
    }

    @Test
    void commandsRunOnTheGameThreadOnly() {
        start(ServerConfig.DEFAULTS);
        assertThrows(WrongThreadException.class, () -> test.commands.execute(new Sender("a"), "help"));
        assertFalse(test.loop.isGameThread());
    }
}
