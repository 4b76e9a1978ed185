package dev.evalops.turns;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.evalops.artifacts.Inputs;
import dev.evalops.core.BadInputException;
import dev.evalops.launcher.Invocation;
import dev.evalops.launcher.Launcher;
import dev.evalops.launcher.LauncherArgs;
import dev.evalops.launcher.LauncherCommand;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./evalops generate turns ...}: synthetic turn exports ({@link SyntheticTurns}) into a folder or S3, then
 * prints what was written (counts of every injected defect) as JSON.
 */
public final class GenerateCommand implements LauncherCommand {
    static final String DEFAULT_OUT = "evalops-data/turns";

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate turns --days 7 --per-day N [--start YYYY-MM-DD] [--files-per-day F] [--seed S] [--out dir|s3://bucket[/prefix]]\n"
                + "      [--missing-day D[,D...]] [--bad-line-share 0.005] [--duplicate-share 0.005] [--no-late-files] [--clean] [--threads T]\n"
                + "      [--incident-from D]   (from D on: shipping-delay surge, slow openai, more fallbacks, fewer cache hits, longer answers)\n"
                + "      synthetic turn exports (dt=YYYY-MM-DD/part-*.jsonl.gz) with realistic mess; default --out " + DEFAULT_OUT
                + ", s3://bucket alone = s3://bucket/turns";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse("generate", args, Set.of("days", "per-day", "start", "files-per-day", "seed", "out", "missing-day",
                "bad-line-share", "duplicate-share", "threads", "incident-from"), Set.of("no-late-files", "clean"));
        if (!a.positional().equals(List.of("turns"))) {
            throw new BadInputException("generate: expected 'generate turns ...', got " + a.positional());
        }
        int days = a.number("days", 7, Integer::valueOf);
        int perDay = a.number("per-day", 10_000, Integer::valueOf);
        LocalDate start = a.option("start").map(s -> date("start", s))
                .orElseGet(() -> LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY).minusWeeks(1));
        boolean clean = a.flag("clean");
        Set<LocalDate> missing = a.option("missing-day").map(s -> Arrays.stream(s.split(",")).map(String::trim).map(d -> date("missing-day", d))
                .collect(Collectors.toSet())).orElse(Set.of());
        SyntheticTurns.Options options = new SyntheticTurns.Options(start, days, perDay, a.number("files-per-day", 4, Integer::valueOf),
                a.number("seed", 42L, Long::valueOf), missing, clean ? 0 : a.number("bad-line-share", 0.005, Double::valueOf),
                clean ? 0 : a.number("duplicate-share", 0.005, Double::valueOf), !clean && !a.flag("no-late-files"), 0,
                a.option("incident-from").map(d -> date("incident-from", d)).orElse(null));
        String out = a.option("out").orElse(DEFAULT_OUT);
        int threads = a.number("threads", Runtime.getRuntime().availableProcessors(), Integer::valueOf);
        return new Invocation.Direct(() -> {
            SyntheticTurns.Summary summary;
            if (out.startsWith("s3://")) {
                Inputs.S3Location loc = Inputs.S3Location.parse(out);
                try (S3Client s3 = s3Client()) {
                    summary = new SyntheticTurns(options).generate(TurnSinks.s3(s3, loc.bucket(), loc.key().isEmpty() ? "turns" : loc.key()), threads);
                }
            } else {
                summary = new SyntheticTurns(options).generate(TurnSinks.folder(Path.of(out)), threads);
            }
            Launcher.printJson(System.out, summary);
            return 0;
        });
    }

    /** The SDK's default chain (AWS_REGION, credentials, AWS_ENDPOINT_URL); path-style when an endpoint is set (emulators). */
    private static S3Client s3Client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(System.getenv("AWS_ENDPOINT_URL") != null || System.getenv("AWS_ENDPOINT_URL_S3") != null)
                .build();
    }

    private static LocalDate date(String name, String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadInputException("generate: --" + name + " must be a date YYYY-MM-DD, got '" + v + "'");
        }
    }
}
