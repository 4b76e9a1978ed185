package dev.evalops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.core.BadInputException;
import dev.evalops.testing.AwsEmulator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** PutMetricData against the emulator: batching past the per-call limit, namespace and Env dimension. */
class CloudWatchMetricsSinkTest {
    private final AwsEmulator aws = AwsEmulator.get();

    @Test
    void publishesEveryDatumInBatchesWithTheEnvDimension() {
        String env = aws.newEnv("metrics");
        String namespace = "EvalOpsTest-" + env;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<MetricDatum> data = new ArrayList<>();
        int n = CloudWatchMetricsSink.MAX_DATUMS_PER_CALL + 250;
        for (int i = 0; i < n; i++) {
            data.add(MetricDatum.of("RollupP95LatencyMs", i, "Milliseconds", now).withDimension("Provider", "p" + (i % 3)));
        }
        new CloudWatchMetricsSink(aws.cloudWatch(), namespace, env).publish(data);

        var providers = aws.cloudWatch().listMetricsPaginator(b -> b.namespace(namespace).metricName("RollupP95LatencyMs")
                .dimensions(DimensionFilter.builder().name("Env").value(env).build())).metrics().stream()
                .flatMap(m -> m.dimensions().stream()).filter(d -> d.name().equals("Provider")).map(Dimension::value).distinct();
        assertThat(providers).containsExactlyInAnyOrder("p0", "p1", "p2");
        double samples = 0;
        for (int p = 0; p < 3; p++) {
            String provider = "p" + p;
            var stats = aws.cloudWatch().getMetricStatistics(b -> b.namespace(namespace).metricName("RollupP95LatencyMs")
                    .dimensions(Dimension.builder().name("Env").value(env).build(), Dimension.builder().name("Provider").value(provider).build())
                    .startTime(now.minusSeconds(60)).endTime(now.plusSeconds(60)).period(60).statistics(Statistic.SAMPLE_COUNT));
            samples += stats.datapoints().stream().mapToDouble(d -> d.sampleCount()).sum();
        }
        assertThat(samples).as("all datums arrived across both calls").isEqualTo(n);
    }

    @Test
    void aNonFiniteValueIsRejectedBeforeAnyCall() {
        CloudWatchMetricsSink sink = new CloudWatchMetricsSink(aws.cloudWatch(), "EvalOpsTest", "x");
        assertThatThrownBy(() -> sink.publish(List.of(MetricDatum.count("GoldenAccuracy", Double.NaN, Instant.now()))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("GoldenAccuracy");
    }
}
