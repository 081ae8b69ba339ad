package dev.plinth.core.sandbox.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.sandbox.internal.account.AccountBook;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private final AccountBook accounts = new AccountBook();

    @Test
    void callsAreChargedAndListed() {
        Account chat = accounts.open("chat", "lua", 1000);
        Account admin = accounts.open("admin", "js", 1000);
        chat.charge(300, 2_000, 4096);
        chat.charge(200, 1_000, 0);
        admin.retained(1 << 20);
        assertEquals(List.of("admin", "chat"), accounts.snapshots().stream().map(AccountSnapshot::resource).toList());
        AccountSnapshot snapshot = accounts.snapshot("chat").orElseThrow();
        assertEquals(2, snapshot.calls());
        assertEquals(500, snapshot.work());
        assertEquals(3_000, snapshot.nanos());
        assertEquals(4096, snapshot.allocatedBytes());
        assertEquals(1 << 20, accounts.snapshot("admin").orElseThrow().retainedBytes());
        chat.close();
        assertTrue(accounts.snapshot("chat").isEmpty(), "a stopped resource is no longer listed");
    }

    @Test
    void theTickBudgetIsSpentByEveryCallOfTheTickAndRefilledAtTheNext() {
        Account chat = accounts.open("chat", "lua", 1000);
        assertEquals(1000, chat.tickLeft(7));
        chat.spend(7, 600);
        chat.spend(7, 600);
        assertEquals(0, chat.tickLeft(7));
        assertEquals(1000, chat.tickLeft(8));
    }

    @Test
    void offencesOfOneTickCountOnce() {
        Account chat = accounts.open("chat", "lua", 1000);
        assertEquals(1, chat.offence("instruction budget per tick", 5));
        assertEquals(1, chat.offence("instruction budget per tick", 5));
        assertEquals(2, chat.offence("instruction budget per tick", 6));
        assertEquals(3, chat.offence("instruction budget per call", Long.MIN_VALUE));
        assertEquals(4, chat.offence("instruction budget per call", Long.MIN_VALUE));
    }

    @Test
    void missedEventsAreCountedByName() {
        Account filter = accounts.open("filter", "lua", 1000);
        filter.missed("player_chat");
        filter.missed("player_chat");
        filter.missed("player_join");
        assertEquals(Map.of("player_chat", 2L, "player_join", 1L), filter.snapshot().missedEvents());
    }

    @Test
    void aRestartReplacesTheAccountOfTheEarlierRun() {
        Account first = accounts.open("chat", "lua", 1000);
        first.charge(10, 10, 10);
        Account second = accounts.open("chat", "lua", 1000);
        first.close();
        assertEquals(0, accounts.snapshot("chat").orElseThrow().calls(), "closing the old run keeps the new one");
        second.close();
    }

    @Test
    void theOwnLaneAndCallsOnTheResourcesBehalfAddUpInTheSnapshotAndTheTickBudget() {
        Account chat = accounts.open("chat", "lua", 1000);
        CallLedger own = chat.ledger();
        own.finish(7, true, 300, 2_000, 64);
        chat.finish(7, true, 200, 1_000, 32); // a call another resource made on chat's behalf
        own.finish(7, false, 50, 500, 0); // a start: not against the tick
        assertEquals(500, chat.tickLeft(7));
        own.finish(8, true, 100, 0, 0);
        assertEquals(900, chat.tickLeft(8), "the next tick refills what both parts spent");
        own.finish(8, true, 2_000, 0, 0);
        assertEquals(0, chat.tickLeft(8), "never below nothing");
        AccountSnapshot snapshot = chat.snapshot();
        assertEquals(5, snapshot.calls());
        assertEquals(2_650, snapshot.work());
        assertEquals(3_500, snapshot.nanos());
        assertEquals(96, snapshot.allocatedBytes());
    }

    @Test
    void theOwnLaneIsHandedOutOnce() {
        Account chat = accounts.open("chat", "lua", 1000);
        chat.ledger();
        var second = assertThrows(IllegalStateException.class, chat::ledger);
        assertEquals("chat: the account's own lane is handed out once", second.getMessage());
    }

    @Test
    void aReaderOnAnotherThreadSeesEveryCallItCountsWithItsWork() throws Exception {
        Account chat = accounts.open("chat", "lua", Long.MAX_VALUE);
        CallLedger own = chat.ledger();
        var done = new AtomicBoolean();
        var reader = CompletableFuture.runAsync(() -> {
            long lastCalls = 0;
            while (!done.get()) {
                AccountSnapshot seen = chat.snapshot();
                assertTrue(seen.calls() >= lastCalls, "the count never goes back");
                assertTrue(seen.work() >= 3 * seen.calls(), "the work of every call counted is there: " + seen);
                lastCalls = seen.calls();
            }
        });
        for (int i = 0; i < 2_000_000; i++) {
            own.finish(i / 100, true, 3, 1, 0);
        }
        done.set(true);
        reader.get();
        assertEquals(2_000_000, chat.snapshot().calls());
        assertEquals(6_000_000, chat.snapshot().work());
    }
}
