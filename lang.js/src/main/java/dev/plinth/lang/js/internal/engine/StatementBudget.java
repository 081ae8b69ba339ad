package dev.plinth.lang.js.internal.engine;

/**
 * The statements one call may run and which limit it breaks when it runs more: the call's own budget, or what is
 * left of the tick's budget of the resource paying for it, whichever is smaller.
 *
 * @param statements the budget, 0 when the tick's is spent
 * @param limit the limit a call running past it breaks
 */
record StatementBudget(long statements, JsLimit limit) {

    /**
     * The budget of a call.
     *
     * @param budget the kind of call: a start step and the stop hook get the tick's budget of their own, not counted
     *     against the tick
     * @param limits the resource's limits
     * @param tickLeft what is left of the payer's tick budget (ignored for a start step or the stop hook)
     * @return the budget
     */
    static StatementBudget of(Budget budget, JsLimits limits, long tickLeft) {
        if (budget != Budget.CALL) {
            return new StatementBudget(limits.statementsPerTick(), JsLimit.CALL_STATEMENTS);
        }
        if (limits.statementsPerCall() <= tickLeft) {
            return new StatementBudget(limits.statementsPerCall(), JsLimit.CALL_STATEMENTS);
        }
        return new StatementBudget(Math.max(0, tickLeft), JsLimit.TICK_STATEMENTS);
    }

    /** {@return why a call that ran past it was interrupted} */
    String describe() {
        return limit == JsLimit.TICK_STATEMENTS
                ? "the resource's calls ran more than their tick's budget (" + statements + " statements were left) "
                        + "and this one was interrupted"
                : "the call ran more than " + statements + " statements and was interrupted";
    }
}
