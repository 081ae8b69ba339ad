package dev.plinth.core.sandbox.account;

import java.util.Map;
import java.util.Objects;

/**
 * What one resource's account holds at one moment.
 *
 * @param resource the resource
 * @param language its host's language
 * @param calls the calls charged
 * @param work the work of its calls and of those made on its behalf, in its host's units
 * @param nanos the time of those calls
 * @param allocatedBytes what they allocated
 * @param retainedBytes the memory it keeps, as last measured (0 before the first measure)
 * @param offences its offences
 * @param missedEvents how many events its handlers did not see, by event name
 */
public record AccountSnapshot(String resource, String language, long calls, long work, long nanos,
        long allocatedBytes, long retainedBytes, int offences, Map<String, Long> missedEvents) {

    /** Validates and copies the components. */
    public AccountSnapshot {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(language, "language");
        missedEvents = Map.copyOf(missedEvents);
    }
}
