package dev.evalops.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evalops.catalogue.AlarmCatalogue;
import dev.evalops.metrics.MetricNames;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidgetView;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.SingleValueWidget;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/**
 * The weekly review page (ops guide): status first (alarms, smoke, golden, safe mode), then the rollup's
 * trends over the last twelve weeks: intent mix, p95 by provider, cost, fallbacks, cache hits, errors.
 * Per-provider, per-intent and per-reason lines come from SEARCH, so a new provider or intent shows up
 * without a deploy.
 */
public final class EvalOpsDashboard extends Construct {
    static final Duration WEEK = Duration.days(7);
    static final Duration DAY = Duration.days(1);

    private final String env;

    public EvalOpsDashboard(Construct scope, String id, String env, List<Alarm> alarms) {
        super(scope, id);
        this.env = env;
        List<List<IWidget>> rows = new ArrayList<>();
        rows.add(List.of(
                TextWidget.Builder.create().width(24).height(2).markdown("# EvalOps " + env + "\nStatus of the nightly and weekly evals, then the "
                        + "weekly rollup trends. Runbooks and manual actions: README \"Invoke by hand\".").build()));
        rows.add(List.of(AlarmStatusWidget.Builder.create().title("Alarms").width(24).height(4).alarms(List.copyOf(alarms)).build()));
        rows.add(List.of(
                SingleValueWidget.Builder.create().title("Smoke (last run)").width(8).height(4).metrics(List.of(
                        metric(MetricNames.SMOKE_PASSED, "Minimum", DAY, "8/8 passed (1 = green)"),
                        metric(MetricNames.SMOKE_FAILED_CASES, "Maximum", DAY, "failed cases"),
                        metric(MetricNames.SMOKE_FLAKY_CASES, "Maximum", DAY, "flaky cases"))).build(),
                SingleValueWidget.Builder.create().title("Golden set (last run)").width(10).height(4).metrics(List.of(
                        metric(MetricNames.ACCURACY, "Minimum", WEEK, "accuracy"),
                        metric(MetricNames.MACRO_F1, "Minimum", WEEK, "macro F1"),
                        metric(MetricNames.TIER0_FALSE_NEGATIVES, "Maximum", WEEK, "Tier 0 FN"),
                        metric(MetricNames.TIER2_GATE_VIOLATIONS, "Maximum", WEEK, "Tier 2 violations"),
                        metric(MetricNames.UNSCORED, "Maximum", WEEK, "unscored"))).build(),
                SingleValueWidget.Builder.create().title("Safe mode").width(6).height(4).metrics(List.of(
                        metric(MetricNames.SAFE_MODE_ENABLED, "Maximum", DAY, "on (1) / off (0)"))).build()));
        rows.add(List.of(
                graph("Intent distribution, week over week (share of turns)", 12, WEEK,
                        List.of(search(MetricNames.INTENT_SHARE, MetricNames.DIM_INTENT, "Average", WEEK)), null, true),
                graph("Intent-mix drift (chi-square statistic; flag 1 = drifted)", 12, WEEK,
                        List.of(metric(MetricNames.INTENT_MIX_DRIFT, "Maximum", WEEK, "chi-square"),
                                metric(MetricNames.INTENT_MIX_DRIFT_FLAG, "Maximum", WEEK, "drift flag")), null, false)));
        rows.add(List.of(
                graph("p95 latency by provider (ms)", 12, WEEK, List.of(
                        search(MetricNames.LATENCY_P95, MetricNames.DIM_PROVIDER, "Maximum", WEEK),
                        metric(MetricNames.LATENCY_P95, "Maximum", WEEK, "all providers")),
                        HorizontalAnnotation.builder().value(AlarmCatalogue.LATENCY_P95.threshold()).label("gate 5 s").build(), false),
                graph("Cost (USD)", 12, WEEK, List.of(
                        metric(MetricNames.COST_PER_USER, "Average", WEEK, "per user"),
                        metric(MetricNames.COST_PER_TURN, "Average", WEEK, "per turn")),
                        HorizontalAnnotation.builder().value(AlarmCatalogue.COST_PER_TURN.threshold()).label("gate $0.01 per turn").build(), false)));
        rows.add(List.of(
                graph("Fallback reasons (share of turns)", 8, WEEK, List.of(
                        search(MetricNames.FALLBACK_RATE, MetricNames.DIM_REASON, "Average", WEEK),
                        metric(MetricNames.FALLBACK_RATE, "Average", WEEK, "all fallbacks")), null, false),
                graph("Cache-hit rate (daily)", 8, DAY, List.of(metric(MetricNames.CACHE_HIT_RATE, "Average", DAY, "cache hits")), null, false),
                graph("Error rate (daily)", 8, DAY, List.of(metric(MetricNames.ERROR_RATE, "Average", DAY, "errors")), null, false)));
        rows.add(List.of(
                graph("Smoke runs", 12, DAY, List.of(
                        metric(MetricNames.SMOKE_PASSED, "Minimum", DAY, "passed"),
                        metric(MetricNames.SMOKE_FAILED_CASES, "Maximum", DAY, "failed cases"),
                        metric(MetricNames.SMOKE_FLAKY_CASES, "Maximum", DAY, "flaky cases")), null, false),
                graph("Safe mode and rollup gates", 12, DAY, List.of(
                        metric(MetricNames.SAFE_MODE_ENABLED, "Maximum", DAY, "safe mode on"),
                        metric(MetricNames.ROLLUP_GATES_PASSED, "Minimum", WEEK, "rollup gates passed")), null, false)));

        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("EvalOps-" + env)
                .start("-P84D")
                .widgets(rows)
                .build();
    }

    private IMetric metric(String name, String statistic, Duration period, String label) {
        return Metric.Builder.create().namespace(MetricNames.NAMESPACE).metricName(name)
                .dimensionsMap(Map.of(MetricNames.DIM_ENV, env)).statistic(statistic).period(period).label(label).build();
    }

    /** One line per value of {@code dimension}: the metric as published with Env and that dimension. */
    private IMetric search(String name, String dimension, String statistic, Duration period) {
        String query = "{" + MetricNames.NAMESPACE + "," + MetricNames.DIM_ENV + "," + dimension + "} MetricName=\"" + name + "\" "
                + MetricNames.DIM_ENV + "=\"" + env + "\"";
        return MathExpression.Builder.create()
                .expression("SEARCH('" + query + "', '" + statistic + "', " + period.toSeconds().intValue() + ")")
                .usingMetrics(Map.of())
                .period(period)
                .label("")
                .build();
    }

    private static GraphWidget graph(String title, int width, Duration period, List<IMetric> metrics, HorizontalAnnotation annotation,
            boolean stacked) {
        GraphWidget.Builder b = GraphWidget.Builder.create().title(title).width(width).height(6).period(period)
                .left(metrics).stacked(stacked).view(GraphWidgetView.TIME_SERIES);
        if (annotation != null) {
            b.leftAnnotations(List.of(annotation));
        }
        return b.build();
    }
}
