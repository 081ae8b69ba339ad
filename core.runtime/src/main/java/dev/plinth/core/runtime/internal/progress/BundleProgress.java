package dev.plinth.core.runtime.internal.progress;

import dev.plinth.core.runtime.internal.owner.Owner;
import dev.plinth.core.runtime.progress.Progress;
import dev.plinth.core.runtime.progress.ProgressTask;
import dev.plinth.core.runtime.progress.ProgressUnit;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link Progress} one bundle sees: its lines are INFO entries of the bundle's own logger {@code progress},
 * so the console shows them under the bundle's name and a resource's log file gets them.
 */
@Component(service = Progress.class, scope = ServiceScope.BUNDLE)
public final class BundleProgress implements Progress {

    private final Logger logger;

    /**
     * Creates the view of the bundle that gets the service.
     *
     * @param context the component context, for the using bundle
     * @param loggers the log service
     */
    @Activate
    public BundleProgress(ComponentContext context, @Reference LoggerFactory loggers) {
        Bundle bundle = context.getUsingBundle();
        this.logger = loggers.getLogger(bundle, Owner.of(bundle).name() + ".progress", Logger.class);
    }

    @Override
    public ProgressTask begin(String what, long total, ProgressUnit unit) {
        return new ProgressReporter(logger, what, total, unit, System::nanoTime);
    }
}
