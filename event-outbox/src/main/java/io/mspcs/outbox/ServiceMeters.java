package io.mspcs.outbox;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Meter settings every service shares: an {@code application} label (one value per service, so dashboards and
 * alerts can group the HTTP metrics by service whatever the scrape labels) and latency histograms for
 * {@code http_server_requests_seconds}, so p95/p99 can be computed across replicas.
 */
@Singleton
public class ServiceMeters {

    @Produces
    @Singleton
    MeterFilter applicationLabel(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("application", application)));
    }

    @Produces
    @Singleton
    MeterFilter requestLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
