package dev.evalops.turns;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipException;

import dev.evalops.artifacts.Inputs;
import dev.evalops.core.BadInputException;
import dev.evalops.sanitize.Sanitizer;

/**
 * Streams one turn-export file ({@code turns/dt=YYYY-MM-DD/part-*.jsonl[.gz]}, from S3 or a folder, through
 * {@link Inputs#openDecompressed}) line by line, hands every valid line to a consumer as a {@link TurnRecord} and
 * every unusable one to another as a {@link BadTurnLine} (file, line number, field, reason, sanitized sample).
 * Memory is one read buffer, whatever the file's size. Thread-safe: one reader can serve a pool of workers,
 * each reading its own file.
 * <p>
 * A file that stops early (truncated or corrupt gzip, not gzip at all, gone since it was listed) keeps the
 * lines read before the damage and says so in {@link TurnFileSummary#damaged()}; other I/O failures (the
 * connection to S3 drops) are thrown, because they say nothing about the data.
 */
public final class TurnReader {
    /** How much of a bad line is kept as its sample. */
    public static final int SAMPLE_CHARS = 200;
    /** A longer line is not a turn (turns are under 1 KB): it is reported bad and skipped, not buffered. */
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 256 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    /** Bytes of a bad line that are sanitized before its sample is cut to {@link #SAMPLE_CHARS}. */
    private static final int SANITIZE_WINDOW = 4096;

    private final Inputs inputs;
    private final Sanitizer sanitizer;
    private final int samplesPerFile;
    private final TurnLineParser parser = new TurnLineParser();

    /** Every bad line with its sample; see {@link #TurnReader(Inputs, Sanitizer, int)}. */
    public TurnReader(Inputs inputs, Sanitizer sanitizer) {
        this(inputs, sanitizer, Integer.MAX_VALUE);
    }

    /**
     * @param sanitizer      cleans the reason and sample of every bad line before it leaves the reader
     * @param samplesPerFile bad lines of a file that get a sample; later ones are still reported, with a null
     *                       sample (sanitizing a sample costs more than parsing a line, and a quarantine keeps a few)
     */
    public TurnReader(Inputs inputs, Sanitizer sanitizer, int samplesPerFile) {
        this.inputs = inputs;
        this.sanitizer = sanitizer;
        this.samplesPerFile = samplesPerFile;
    }

    /** Reads one file to its end; see the class comment for what ends a file early. */
    public TurnFileSummary read(String location, Consumer<TurnRecord> turns, Consumer<BadTurnLine> bad) {
        LineScan scan = new LineScan(location, turns, bad);
        InputStream in;
        try {
            in = inputs.openDecompressed(location);
        } catch (BadInputException e) {
            return scan.summary(sanitizer.clean(e.getMessage()));
        }
        try (in) {
            scan.run(in);
            return scan.summary(null);
        } catch (IOException e) {
            if (isDataDamage(e)) {
                scan.truncatedTail();
                return scan.summary(sanitizer.clean("stopped after line " + scan.lineNo + ": " + e.getMessage()));
            }
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Parses one line on its own (tests, tools); throws {@link BadInputException} naming the field when it is unusable. */
    public static TurnRecord parseLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try {
            return new TurnLineParser().parse(bytes, 0, bytes.length, new ValuePool());
        } catch (TurnLineParser.Invalid e) {
            throw new BadInputException((e.field == null ? "" : "field " + e.field + ": ") + e.getMessage());
        }
    }

    /**
     * The first '\n' in {@code b[from, to)}, or -1: eight bytes per step (the "has zero byte" bit trick on the
     * word XOR '\n'...'\n'; the lowest flagged byte is always a real match). A byte-at-a-time loop was a tenth
     * of a scan's time.
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDataDamage(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof EOFException || c instanceof ZipException) {
                return true;
            }
        }
        return false;
    }

    /** The state of one file's scan: a byte buffer holding at least one whole line, split on '\n'. */
    private final class LineScan {
        private final String file;
        private final Consumer<TurnRecord> turns;
        private final Consumer<BadTurnLine> bad;
        private byte[] buf = new byte[BUFFER_BYTES];
        private int start;
        private int end;
        private long lineNo;
        private long turnCount;
        private long badCount;
        /** Inside a line longer than {@link #MAX_LINE_BYTES}: drop bytes until its newline. */
        private boolean skipping;
        private final ValuePool pool = new ValuePool();

        LineScan(String file, Consumer<TurnRecord> turns, Consumer<BadTurnLine> bad) {
            this.file = file;
            this.turns = turns;
            this.bad = bad;
        }

        void run(InputStream in) throws IOException {
            int n;
            while ((n = in.read(buf, end, buf.length - end)) >= 0) {
                int from = end;
                end += n;
                for (int nl; (nl = indexOfNewline(buf, from, end)) >= 0; from = nl + 1) {
                    line(start, nl);
                    start = nl + 1;
                }
                makeRoom();
            }
            if (end > start) {
                line(start, end);
                start = end;
            }
        }

        private void line(int from, int to) {
            if (skipping) {
                skipping = false;
                return;
            }
            lineNo++;
            try {
                turns.accept(parser.parse(buf, from, to - from, pool));
                turnCount++;
            } catch (TurnLineParser.Invalid e) {
                report(e.field, e.getMessage(), from, to);
            }
        }

        /** Keeps the unfinished line at the front of the buffer, growing it for long lines up to the cap. */
        private void makeRoom() {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end < buf.length) {
                return;
            }
            if (buf.length < MAX_LINE_BYTES) {
                buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE_BYTES));
                return;
            }
            if (!skipping) {
                lineNo++;
                report(null, "line longer than " + MAX_LINE_BYTES + " bytes", 0, end);
                skipping = true;
            }
            end = 0;
        }

        void truncatedTail() {
            if (end > start && !skipping) {
                lineNo++;
                report(null, "file ends inside this line (truncated)", start, end);
            }
        }

        private void report(String field, String reason, int from, int to) {
            badCount++;
            String text = null;
            if (badCount <= samplesPerFile) {
                // Sanitized before it is cut, so a value cut in half cannot slip past the recognizers.
                text = sanitizer.clean(new String(buf, from, Math.min(to - from, SANITIZE_WINDOW), StandardCharsets.UTF_8));
                if (text.length() > SAMPLE_CHARS) {
                    text = text.substring(0, SAMPLE_CHARS) + "...";
                }
            }
            bad.accept(new BadTurnLine(file, lineNo, field, sanitizer.clean(reason), text));
        }

        TurnFileSummary summary(String damaged) {
            return new TurnFileSummary(file, lineNo, turnCount, badCount, damaged);
        }
    }
}
