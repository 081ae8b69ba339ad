package dev.plinth.core.runtime.entity;

import java.util.Locale;

/** Why an entity left its world without dying. */
public enum DespawnReason {
    /** It died (only {@link dev.plinth.core.runtime.content.EntityBehavior#removed} sees this reason). */
    DIED,
    /** A plugin or command removed it ({@link Entity#remove()}). */
    REMOVED,
    /** Its type was removed: the resource that defined it stopped or restarted. */
    TYPE_REMOVED;

    /**
     * The reason's name as scripts write it.
     *
     * @return for example {@code type_removed}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
