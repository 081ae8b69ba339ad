package dev.plinth.benchmarks.sandbox;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.Payer;
import dev.plinth.core.sandbox.call.CallBracket;
import dev.plinth.core.sandbox.internal.account.AccountBook;
import dev.plinth.core.sandbox.internal.watchdog.WatchdogService;
import dev.plinth.core.sandbox.watchdog.Watch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the sandbox adds to every call into a script, piece by piece, so the cost of a call can be read apart: the
 * watchdog's enter and exit, the account's charge at the end of a call, and binding the payer beside the host's own
 * scoped value, each against doing nothing ({@code baseline}) in the same run; and {@code bracketCall}, all a call
 * needs of the sandbox in one {@link CallBracket} (payer, tick, watch, one charge), against {@code separateSteps},
 * the same steps done one by one as the hosts did them before it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SandboxCallBenchmark {

    private static final ScopedValue<Object> HOST = ScopedValue.newInstance();

    private WatchdogService watchdog;
    private Watch watch;
    private Account account;
    private CallBracket bracket;
    private long tick;

    /** Starts the watchdog and opens an account. */
    @Setup(Level.Trial)
    public void setUp() {
        watchdog = new WatchdogService(message -> { });
        watchdog.start();
        watch = watchdog.watch("bench", overrun -> { });
        account = new AccountBook().open("bench", "lua", Long.MAX_VALUE / 2);
        bracket = CallBracket.open(account, watch, () -> tick);
    }

    /** Stops the watchdog. */
    @TearDown(Level.Trial)
    public void tearDown() {
        watch.close();
        watchdog.stop();
    }

    /** Nothing: the loop and the call itself. */
    @Benchmark
    public long baseline() {
        return ++tick;
    }

    /** One call's wall-clock watch: enter and exit. */
    @Benchmark
    public boolean watchEnterExit() {
        watch.enter(1_000_000_000L);
        watch.exit();
        return watch.overran();
    }

    /** One call's accounting: the tick's budget read at its start, the charge at its end. */
    @Benchmark
    public long accountCall() {
        long left = account.tickLeft(tick);
        account.finish(tick, true, 10, 0, 0);
        return left;
    }

    /** One call's sandbox steps through the call bracket: payer, tick budget, watch, one charge. */
    @Benchmark
    public long bracketCall() {
        long budget = bracket.enter(1000, true, 1_000_000_000L);
        bracket.exit(10, 0);
        return budget;
    }

    /** The same steps one by one, each call timed, as the hosts did them before the bracket. */
    @Benchmark
    public long separateSteps() {
        Account payer = Payer.CURRENT.isBound() ? Payer.CURRENT.get() : account;
        long left = payer.tickLeft(tick);
        long started = System.nanoTime();
        watch.enter(1_000_000_000L);
        watch.exit();
        payer.spend(tick, 10);
        payer.charge(10, System.nanoTime() - started, 0);
        return left;
    }

    /** The host's own scoped value bound for a call (what the Lua host did before the sandbox). */
    @Benchmark
    public Object bindHostOnly() {
        return ScopedValue.where(HOST, this).call(HOST::get);
    }

    /** The host's scoped value and the payer bound for a call. */
    @Benchmark
    public Object bindHostAndPayer() {
        return ScopedValue.where(HOST, this).where(Payer.CURRENT, account).call(HOST::get);
    }
}
