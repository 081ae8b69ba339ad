package dev.plinth.core.events.internal;

import dev.plinth.core.events.Cancellable;
import dev.plinth.core.events.CancellableEvent;
import dev.plinth.core.events.Event;
import dev.plinth.core.events.EventBus;
import dev.plinth.core.events.EventName;
import dev.plinth.core.events.MutableEvent;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;

/** Event fixtures and a dispatcher with its views, as the tests use them. */
final class TestEvents {

    private TestEvents() {}

    /** A plain event: no cancellation, no setters. */
    static final class Ping implements Event {
        final int number;

        Ping(int number) {
            this.number = number;
        }

        Ping() {
            this(0);
        }

        @Override
        public String name() {
            return "test:ping";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("number", number);
        }
    }

    /** An event of one name and no payload; each subclass is an event class of its own. */
    abstract static class Bare implements Event {
        private final String name;

        Bare(String name) {
            this.name = name;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final Map<String, Object> payload() {
            return Map.of();
        }
    }

    /** An event that declares its name: the bus knows it before any post. */
    @EventName(Pong.NAME)
    static final class Pong extends Bare {
        static final String NAME = "test:pong";

        Pong() {
            super(NAME);
        }
    }

    /** An event whose declared name is not the one its instances give. */
    @EventName("test:declared")
    static final class Mislabelled extends Bare {
        Mislabelled() {
            super("test:actual");
        }
    }

    /** An event that declares something that is no event name. */
    @EventName("Not A Name")
    static final class BadlyNamed extends Bare {
        BadlyNamed() {
            super("test:badly_named");
        }
    }

    /** A cancellable event with a field handlers may change. */
    static final class Chat extends CancellableEvent {
        private String message;

        Chat(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }

        void message(String message) {
            checkMutable();
            this.message = message;
        }

        @Override
        public String name() {
            return "test:chat";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("message", message);
        }
    }

    /** A cancellable event that is no {@link MutableEvent}: its flag has no guard of its own. */
    static final class Door implements Cancellable {
        private boolean cancelled;

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void setCancelled(boolean cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public String name() {
            return "test:door";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("cancelled", cancelled);
        }
    }

    /** A dispatcher timing every call, and its views. */
    static final class Bus {
        final EventDispatcher dispatcher;
        final List<String> calls = new ArrayList<>();

        Bus() {
            this(1);
        }

        Bus(int timingRate) {
            dispatcher = new EventDispatcher(timingRate);
        }

        /** A view owned by {@code label}, after every view opened before. */
        EventBus open(String label) {
            return dispatcher.open(label);
        }

        /** A view owned by a bundle, as the DS runtime makes one for the bundle that gets the service. */
        EventBus open(String label, Bundle bundle) {
            return new BundleEventBus(dispatcher, dispatcher.join(label, bundle));
        }

        /** A stand-in bundle that only knows its id: what the bus asks of the bundles that own handlers. */
        static Bundle bundle(long id) {
            return (Bundle) Proxy.newProxyInstance(Bus.class.getClassLoader(), new Class<?>[] {Bundle.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getBundleId" -> id;
                        case "hashCode" -> Long.hashCode(id);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "bundle " + id;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        /** What the DS runtime does when the owner's bundle ungets the service. */
        static void release(EventBus bus) {
            ((BundleEventBus) bus).release();
        }
    }
}
