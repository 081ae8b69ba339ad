package dev.plinth.transfer.internal.metrics;

import java.util.concurrent.atomic.LongAdder;
import org.osgi.service.component.annotations.Component;

/**
 * What the client endpoints counted since the bundle started: bytes and files sent, files sent from an offset (a
 * resumed transfer), sessions opened, events received from clients and sent to them, requests refused with a 404.
 *
 * <p>Thread-safe, counted without locks.
 */
@Component(service = TransferCounters.class)
public final class TransferCounters {

    /** Bytes of payload files sent. */
    public final LongAdder bytes = new LongAdder();
    /** Payload files sent (whole or in part). */
    public final LongAdder files = new LongAdder();
    /** Files sent from an offset ({@code Range}). */
    public final LongAdder resumed = new LongAdder();
    /** Sessions opened. */
    public final LongAdder sessions = new LongAdder();
    /** Events received from clients and posted. */
    public final LongAdder eventsIn = new LongAdder();
    /** Events sent to clients by scripts. */
    public final LongAdder eventsOut = new LongAdder();
    /** Requests answered 404. */
    public final LongAdder notFound = new LongAdder();
}
