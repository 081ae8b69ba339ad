package dev.plinth.core.runtime.event.player;

import java.util.Locale;
import java.util.Optional;

/** How a player interacts. */
public enum InteractAction {
    /** Left click (attack, start breaking). */
    LEFT_CLICK,
    /** Right click (use, open). */
    RIGHT_CLICK,
    /** Stepping on something (a pressure plate, farmland). */
    PHYSICAL;

    /**
     * The action's name as scripts write it.
     *
     * @return for example {@code right_click}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds an action by its {@link #id()}, ignoring case.
     *
     * @param id the name
     * @return the action, or empty for an unknown name
     */
    public static Optional<InteractAction> byId(String id) {
        try {
            return Optional.of(valueOf(id.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
