package dev.evalops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * cdk-nag's AWS Solutions pack ran over both stacks (EvalOpsApp adds it to every app) and left no error and no
 * warning that is not suppressed, and every suppression says why.
 */
class CdkNagTest {

    @ParameterizedTest
    @ValueSource(strings = {"EvalOps-prod", "EvalOps-staging"})
    void noUnsuppressedFinding(String stack) {
        List<String> findings = new ArrayList<>();
        for (SynthesisMessage m : SynthesizedApp.get().artifact(stack).getMessages()) {
            String text = String.valueOf(m.getEntry().getData());
            if (m.getLevel() == SynthesisMessageLevel.ERROR || text.startsWith("AwsSolutions-")) {
                findings.add(m.getLevel() + " " + m.getId() + ": " + text);
            }
        }
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EvalOps-prod", "EvalOps-staging"})
    void theChecksRanAndOnlyReasonedSuppressionsRemain(String stack) throws IOException {
        List<String> rows = Files.readAllLines(SynthesizedApp.get().outdir.resolve("AwsSolutions-" + stack + "-NagReport.csv"));
        assertThat(rows.size()).as("rules evaluated").isGreaterThan(15);
        assertThat(rows).noneMatch(r -> r.contains("\"Non-Compliant\""));
        Set<String> suppressed = new TreeSet<>();
        for (String row : rows) {
            if (row.contains("\"Suppressed\"")) {
                String[] cells = row.split("\",\"");
                suppressed.add(cells[0].replace("\"", ""));
                assertThat(cells[3]).as(row).hasSizeGreaterThan(40);
            }
        }
        // Only these are accepted, each for the reason in the code that suppresses it.
        assertThat(suppressed).isSubsetOf("AwsSolutions-IAM5", "AwsSolutions-L1", "AwsSolutions-S1", "AwsSolutions-SQS3")
                .contains("AwsSolutions-IAM5", "AwsSolutions-SQS3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EvalOps-prod", "EvalOps-staging"})
    @SuppressWarnings("unchecked")
    void everySuppressionInTheTemplateCarriesAReason(String stack) {
        TemplateView view = new TemplateView(SynthesizedApp.get().template(stack));
        int count = 0;
        for (Map<String, Object> resource : view.resources().values()) {
            Map<String, Object> metadata = (Map<String, Object>) resource.get("Metadata");
            Map<String, Object> nag = metadata == null ? null : (Map<String, Object>) metadata.get("cdk_nag");
            if (nag == null) {
                continue;
            }
            for (Map<String, Object> rule : (List<Map<String, Object>>) nag.get("rules_to_suppress")) {
                assertThat((String) rule.get("reason")).as(String.valueOf(rule.get("id"))).hasSizeGreaterThan(40);
                count++;
            }
        }
        assertThat(count).isPositive();
    }
}
