package dev.plinth.core.resource.internal.lifecycle;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.internal.deploy.ResourceScanner;
import dev.plinth.core.resource.internal.deploy.ResourceSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a resource's files to be stable before they are read for a restart, as the deployer waits before it
 * deploys: the files are taken once none has changed for a quiet period (one scan of the folder), so a restart
 * while {@code main.lua} is being written waits for the write to end instead of running half a script. A source
 * untouched for longer than the quiet period is taken at once.
 *
 * <p>Stateless and thread-safe; it sleeps on the calling thread, which is never the game thread.
 *
 * @param quiet how long the files must stay the same
 */
record SettledFiles(Duration quiet) {

    /**
     * Waits until a source's files have stayed the same for the quiet period.
     *
     * @param name the resource, for the message
     * @param source its folder, zip or jar
     * @param deadline {@link System#nanoTime()} after which waiting fails
     * @throws ResourceException {@code ERR_START_TIMEOUT} when the files are still changing at the deadline
     */
    void await(String name, ResourceSource source, long deadline) {
        String fingerprint = ResourceScanner.fingerprint(source);
        while (true) {
            long age = System.currentTimeMillis() - ResourceScanner.lastModified(source);
            long wait = quiet.toMillis() - age;
            if (wait <= 0) {
                String now = ResourceScanner.fingerprint(source);
                if (now.equals(fingerprint)) {
                    return;
                }
                fingerprint = now;
                continue;
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) > deadline) {
                throw new ResourceException(ResourceErrorCode.ERR_START_TIMEOUT, name, name + ": the files of resources/"
                        + source.relative() + " are still being written; restart it once they are complete");
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResourceException(ResourceErrorCode.ERR_START_TIMEOUT, name,
                        name + ": interrupted while waiting for its files to be complete");
            }
            fingerprint = ResourceScanner.fingerprint(source);
        }
    }
}
