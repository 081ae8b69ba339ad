package dev.plinth.core.sandbox.account;

import java.util.Optional;

/**
 * Who pays for the work running on this thread: a host binds the account of the resource whose call it runs for the
 * duration of the call (when none is bound yet), so whatever that call causes (an exported function of another
 * resource it calls, the handlers of an event it emits, whatever the language of those) is charged to it: their work
 * and their per-tick budget are the payer's, and a per-tick overrun is the payer's offence. Calls the server makes
 * (game events, tasks, commands) run with no payer bound, and each resource pays for its own.
 */
public interface Payer {

    /** The paying account of the current call, bound by the host of the outermost script call. */
    ScopedValue<Account> CURRENT = ScopedValue.newInstance();

    /**
     * The account that pays for the current work.
     *
     * @return the payer, or empty outside any script call
     */
    static Optional<Account> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }
}
