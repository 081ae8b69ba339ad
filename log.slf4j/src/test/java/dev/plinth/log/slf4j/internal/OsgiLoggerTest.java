package dev.plinth.log.slf4j.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

class OsgiLoggerTest {

    /** A Log Service whose level can be changed, counting how often a level is asked of it. */
    private static final class LogService {
        volatile LogLevel level = LogLevel.INFO;
        final AtomicInteger asked = new AtomicInteger();
        final LoggerFactory factory;

        LogService() {
            Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isTraceEnabled" -> asks(LogLevel.TRACE);
                        case "isDebugEnabled" -> asks(LogLevel.DEBUG);
                        case "isInfoEnabled" -> asks(LogLevel.INFO);
                        case "isWarnEnabled" -> asks(LogLevel.WARN);
                        case "isErrorEnabled" -> asks(LogLevel.ERROR);
                        case "getName" -> "test";
                        default -> null;
                    });
            factory = (LoggerFactory) Proxy.newProxyInstance(LoggerFactory.class.getClassLoader(),
                    new Class<?>[] {LoggerFactory.class}, (proxy, method, args) -> logger);
        }

        private boolean asks(LogLevel wanted) {
            asked.incrementAndGet();
            return level.implies(wanted);
        }
    }

    @Test
    void levelChecksOnAHotPathReadTheLogServiceRarely() {
        var service = new LogService();
        var logger = new OsgiLogger("org.example.Hot", null, () -> Optional.of(service.factory));
        for (int i = 0; i < 10_000; i++) {
            assertFalse(logger.isDebugEnabled());
            assertTrue(logger.isInfoEnabled());
        }
        assertTrue(service.asked.get() < 1_000, "the level was read " + service.asked.get() + " times for 20000 checks");
    }

    @Test
    void aLevelSetLaterApplies() throws InterruptedException {
        var service = new LogService();
        var logger = new OsgiLogger("org.example.Hot", null, () -> Optional.of(service.factory));
        assertFalse(logger.isDebugEnabled());
        service.level = LogLevel.DEBUG;
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(OsgiLogger.LEVEL_NANOS) + 50);
        assertTrue(logger.isDebugEnabled());
        assertFalse(logger.isTraceEnabled());
        service.level = LogLevel.WARN;
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(OsgiLogger.LEVEL_NANOS) + 50);
        assertFalse(logger.isInfoEnabled());
        assertTrue(logger.isWarnEnabled());
    }

    @Test
    void anotherLogServiceIsAskedAtOnce() {
        var first = new LogService();
        var second = new LogService();
        second.level = LogLevel.TRACE;
        var current = new AtomicReference<Optional<LoggerFactory>>(Optional.of(first.factory));
        var logger = new OsgiLogger("org.example.Hot", null, current::get);
        assertFalse(logger.isTraceEnabled());
        current.set(Optional.of(second.factory));
        assertTrue(logger.isTraceEnabled());
        current.set(Optional.empty());
        assertFalse(logger.isInfoEnabled(), "without a Log Service, only warnings and errors");
        assertTrue(logger.isWarnEnabled());
    }
}
