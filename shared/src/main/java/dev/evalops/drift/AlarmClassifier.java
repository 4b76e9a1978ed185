package dev.evalops.drift;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Alarm name -> can customers be harmed (so safe mode goes on)? From {@code evalops.drift.harm-alarms} / {@code no-harm-alarms}. */
public final class AlarmClassifier {
    private final List<NamePattern> harm;
    private final List<NamePattern> noHarm;
    private final boolean unmatchedHarm;

    public AlarmClassifier(List<String> harmPatterns, List<String> noHarmPatterns, boolean unmatchedHarm) {
        this.harm = harmPatterns.stream().map(NamePattern::new).toList();
        this.noHarm = noHarmPatterns.stream().map(NamePattern::new).toList();
        this.unmatchedHarm = unmatchedHarm;
    }

    public static AlarmClassifier from(DriftConfig config) {
        return new AlarmClassifier(config.harmAlarms(), config.noHarmAlarms(), config.unmatchedAlarmsHarm());
    }

    public AlarmClass classify(String alarmName) {
        Optional<NamePattern> h = harm.stream().filter(p -> p.matches(alarmName)).findFirst();
        if (h.isPresent()) {
            return new AlarmClass(alarmName, true, "evalops.drift.harm-alarms: " + h.get().glob());
        }
        Optional<NamePattern> n = noHarm.stream().filter(p -> p.matches(alarmName)).findFirst();
        if (n.isPresent()) {
            return new AlarmClass(alarmName, false, "evalops.drift.no-harm-alarms: " + n.get().glob());
        }
        return new AlarmClass(alarmName, unmatchedHarm, "no pattern matched; evalops.drift.unmatched-alarms-harm=" + unmatchedHarm);
    }

    /** @param rule which configured pattern decided, for the decision log */
    @RegisterForReflection
    public record AlarmClass(String alarmName, boolean customerHarmPossible, String rule) {
    }

    /** A glob over the whole alarm name, case-sensitive like CloudWatch alarm names. */
    record NamePattern(String glob, Pattern regex) {
        NamePattern(String glob) {
            this(glob.trim(), compile(glob.trim()));
        }

        boolean matches(String name) {
            return regex.matcher(name).matches();
        }

        private static Pattern compile(String glob) {
            if (glob.isEmpty()) {
                throw new IllegalArgumentException("empty alarm-name pattern in evalops.drift.*-alarms");
            }
            StringBuilder re = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*' || c == '?') {
                    if (!literal.isEmpty()) {
                        re.append(Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    re.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (!literal.isEmpty()) {
                re.append(Pattern.quote(literal.toString()));
            }
            return Pattern.compile(re.toString());
        }
    }
}
