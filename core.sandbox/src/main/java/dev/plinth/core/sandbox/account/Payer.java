package dev.plinth.core.sandbox.account;

import java.util.Optional;

/**
 * Who pays for the work running on this thread. When a script's call reaches into other resources (it emits an
 * event, it calls another resource's exported function), its host binds the account that pays for that call (the
 * script's own, or the one that called it) around that host work, unless one is bound already; so whatever the call
 * causes, in any language, is charged to it: the work and the per-tick budget of those other resources' calls are
 * the payer's, and a per-tick overrun is the payer's offence. A host entering a call checks for a payer first; calls
 * the server makes (game events, tasks, commands) run with no payer bound, and each resource pays for its own.
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
