package dev.evalops.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void readsTheContextKeys() {
        StackSettings s = StackSettings.fromContext(Map.<String, Object>of("env", "prod", "org", "acme", "routerUrl", "https://router.internal/route",
                "alarmEmail", "oncall@example.com", "evalRunsRetentionDays", "400")::get, ROOT);
        assertThat(s.stackName()).isEqualTo("EvalOps-prod");
        assertThat(s.bucketName()).isEqualTo("acme-mw-analytics-prod");
        assertThat(s.production()).isTrue();
        assertThat(s.functionsDir()).isEqualTo(Path.of("/repo/functions"));
        assertThat(s.evalRunsRetentionDays()).isEqualTo(400);
        assertThat(s.routerUrl()).contains("https://router.internal/route");
    }

    @Test
    void anExistingBucketIsUsedByItsName() {
        StackSettings s = StackSettings.fromContext(Map.<String, Object>of("env", "staging", "org", "acme", "existingBucket", "legacy-analytics",
                "functionsDir", "/tmp/fns")::get, ROOT);
        assertThat(s.bucketName()).isEqualTo("legacy-analytics");
        assertThat(s.production()).isFalse();
        assertThat(s.functionsDir()).isEqualTo(Path.of("/tmp/fns"));
        assertThat(s.evalRunsRetentionDays()).isEqualTo(StackSettings.DEFAULT_RETENTION_DAYS);
    }

    @Test
    void saysWhichContextKeyIsMissingOrWrong() {
        assertThatThrownBy(() -> StackSettings.fromContext(Map.<String, Object>of("org", "acme")::get, ROOT)).hasMessageContaining("-c env=prod");
        assertThatThrownBy(() -> StackSettings.fromContext(Map.<String, Object>of("env", "prod")::get, ROOT)).hasMessageContaining("-c org=");
        assertThatThrownBy(() -> StackSettings.fromContext(Map.<String, Object>of("env", "Prod", "org", "acme")::get, ROOT))
                .hasMessageContaining("got: Prod");
        assertThatThrownBy(() -> StackSettings.fromContext(Map.<String, Object>of("env", "prod", "org", "acme", "routerUrl", "router:8080")::get, ROOT))
                .hasMessageContaining("routerUrl must be an http(s) URL");
        assertThatThrownBy(() -> StackSettings.fromContext(Map.<String, Object>of("env", "prod", "org", "acme", "evalRunsRetentionDays", "two")::get, ROOT))
                .hasMessageContaining("evalRunsRetentionDays");
    }
}
