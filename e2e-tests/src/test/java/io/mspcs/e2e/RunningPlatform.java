package io.mspcs.e2e;

import io.mspcs.platformtest.Infra;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running platform for every end-to-end class of the run: starting five JVMs and the relay takes a minute on
 * two cores, so the classes share it (tenants keep their data apart) and JUnit closes it after the last class.
 */
final class RunningPlatform implements BeforeAllCallback {

    private static Started started;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, key -> start(), Started.class);
    }

    static PlatformProcesses platform() {
        return running().platform();
    }

    static EventLog events() {
        return running().events();
    }

    private static synchronized Started start() {
        PlatformProcesses platform = PlatformProcesses.start();
        started = new Started(platform, new EventLog(Infra.shared().kafka().bootstrapServers()));
        return started;
    }

    private static Started running() {
        if (started == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(RunningPlatform.class)");
        }
        return started;
    }

    private record Started(PlatformProcesses platform, EventLog events)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            try {
                events.close();
            } finally {
                platform.close();
                started = null;
            }
        }
    }
}
