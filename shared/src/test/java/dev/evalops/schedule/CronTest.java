package dev.evalops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CronTest {

    @Test
    void rendersEventBridgeAndQuartzFromTheSameFields() {
        Cron sunday = Cron.parse("0 2 ? * sun *");
        assertThat(sunday.eventBridgeExpression()).isEqualTo("cron(0 2 ? * SUN *)");
        assertThat(sunday.quartzExpression()).isEqualTo("0 0 2 ? * SUN *");
        assertThat(Cron.parse("  15 */6 * * ?  2027 ").eventBridgeExpression()).isEqualTo("cron(15 */6 * * ? 2027)");
    }

    @Test
    void needsSixFields() {
        assertThatThrownBy(() -> Cron.parse("0 0 2 ? * SUN *"))
                .hasMessageContaining("6 fields").hasMessageContaining("got 7");
    }

    @Test
    void needsAQuestionMarkInExactlyOneDayField() {
        assertThatThrownBy(() -> Cron.parse("0 2 * * * *")).hasMessageContaining("exactly one of day-of-month and day-of-week");
        assertThatThrownBy(() -> Cron.parse("0 2 ? * ? *")).hasMessageContaining("exactly one");
    }

    @Test
    void rejectsCharactersNeitherSyntaxKnows() {
        assertThatThrownBy(() -> Cron.parse("0 2 ? * SUN; *")).hasMessageContaining("'SUN;'");
    }
}
