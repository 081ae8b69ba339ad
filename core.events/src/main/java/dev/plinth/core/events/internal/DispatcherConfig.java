package dev.plinth.core.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration of the event dispatcher (PID {@value #PID}). */
@ObjectClassDefinition(name = "Plinth event bus", description = "The dispatcher behind every bundle's EventBus.")
@interface DispatcherConfig {

    /** The configuration PID. */
    String PID = "dev.plinth.core.events";

    /**
     * How often a dispatch is timed (property {@code timing.sample}).
     *
     * @return 1 in N dispatches; 0 for the framework property {@value TimingSample#PROPERTY}, else
     *     {@value TimingSample#DEFAULT_RATE}
     */
    @AttributeDefinition(name = "Timing sample",
            description = "Time one dispatch in N (rounded up to a power of two; 1 times every call). 0 uses the "
                    + "framework property plinth.events.timing.sample, else 64.")
    int timing_sample() default 0;
}
