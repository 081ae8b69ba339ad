package dev.plinth.core.events.internal;

import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventEnvelope;
import dev.plinth.core.events.EventException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The dispatches running on one thread, innermost last: what {@code currentEnvelope()} describes and where a
 * nested post finds its correlation id. Frames are allocated once per nesting level and reused.
 *
 * <p>The correlation id of a chain and the timestamp of each envelope are taken lazily, the first time a handler
 * asks for an envelope (or a nested event's envelope asks for the chain's id): dispatches nobody inspects cost no
 * clock read and no id. The timestamp is therefore the time of that first request during the dispatch, which is
 * its start to within the time its earlier handlers took.
 *
 * <p>Frames are long-lived, so every reference stored into one pays the garbage collector's write barrier (with
 * G1, a fence once the frame is in the old generation): a dispatch stores the event and only the source, target
 * and chain id that changed, and leaving a dispatch only lowers the depth. A frame therefore keeps its last event
 * until the next dispatch at its depth on its thread.
 *
 * <p>Confined to its thread.
 */
final class DispatchContext {

    /** Deeper nesting is a handler loop (an event whose handler posts it again). */
    static final int MAX_DEPTH = 64;

    /** One dispatch in progress. */
    private static final class Frame {
        @Nullable Event event;
        @Nullable Owner source;
        @Nullable String target;
        long timestamp;
        /** Only the root frame's is used: the chain's id. */
        @Nullable String correlationId;
    }

    final @Nullable Thread thread;
    private Frame[] frames = newFrames(new Frame[0], 4);
    private int depth;

    DispatchContext(@Nullable Thread thread) {
        this.thread = thread;
    }

    /** Starts a dispatch on this thread. */
    void enter(Event event, Owner source, @Nullable String target) {
        int d = depth;
        if (d == frames.length) {
            grow(event);
        }
        Frame frame = frames[d];
        frame.event = event;
        // The same view posts again and again, mostly without a target: skip the barrier of an unchanged store.
        if (frame.source != source) {
            frame.source = source;
        }
        if (frame.target != target) {
            frame.target = target;
        }
        if (frame.correlationId != null) {
            frame.correlationId = null;
        }
        frame.timestamp = 0;
        depth = d + 1;
    }

    /** Ends the innermost dispatch. */
    void exit() {
        depth--;
    }

    private void grow(Event event) {
        if (depth >= MAX_DEPTH) {
            throw new EventException("event '" + event.name() + "' is nested " + MAX_DEPTH
                    + " dispatches deep: a handler posts an event whose handlers post it again");
        }
        frames = newFrames(frames, depth * 2);
    }

    private static Frame[] newFrames(Frame[] old, int length) {
        Frame[] frames = Arrays.copyOf(old, length);
        for (int i = old.length; i < length; i++) {
            frames[i] = new Frame();
        }
        return frames;
    }

    /** The envelope of the innermost dispatch, built now. */
    Optional<EventEnvelope> envelope(CorrelationIds ids) {
        if (depth == 0) {
            return Optional.empty();
        }
        Frame frame = frames[depth - 1];
        Frame root = frames[0];
        if (root.correlationId == null) {
            root.correlationId = ids.next();
        }
        if (frame.timestamp == 0) {
            frame.timestamp = System.currentTimeMillis();
        }
        Event event = frame.event;
        Owner source = frame.source;
        assert event != null && source != null;
        return Optional.of(new EventEnvelope(event.name(), event.payload(), source.label(),
                Optional.ofNullable(frame.target), frame.timestamp, root.correlationId, EventEnvelope.CURRENT_VERSION));
    }
}
