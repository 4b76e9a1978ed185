package dev.evalops.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Stand-ins for built function modules: {@code <name>/pom.xml} and a {@code target/function.zip} of the wanted kind. */
final class StandIns {
    enum Kind { JVM, NATIVE_X86_64, NATIVE_ARM64, NATIVE_SCRIPT, EMPTY }

    private StandIns() {
    }

    static Path module(Path functionsDir, String name, Kind kind) {
        try {
            Path module = Files.createDirectories(functionsDir.resolve(name));
            Files.writeString(module.resolve("pom.xml"), "<project/>");
            Path zip = Files.createDirectories(module.resolve("target")).resolve("function.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                switch (kind) {
                    case JVM -> {
                        entry(out, name + "-runner.jar", ("runner of " + name).getBytes(StandardCharsets.UTF_8));
                        entry(out, "lib/io.quarkus.quarkus-amazon-lambda.jar", new byte[] {1, 2, 3});
                    }
                    case NATIVE_X86_64 -> entry(out, "bootstrap", elf(0x3E));
                    case NATIVE_ARM64 -> entry(out, "bootstrap", elf(0xB7));
                    case NATIVE_SCRIPT -> entry(out, "bootstrap", "#!/bin/sh\nexec ./runner\n".getBytes(StandardCharsets.UTF_8));
                    case EMPTY -> entry(out, "README.txt", "nothing".getBytes(StandardCharsets.UTF_8));
                }
            }
            return module;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first bytes of a 64-bit little-endian ELF executable for {@code machine}. */
    private static byte[] elf(int machine) {
        byte[] header = new byte[64];
        header[0] = 0x7F;
        header[1] = 'E';
        header[2] = 'L';
        header[3] = 'F';
        header[4] = 2;
        header[5] = 1;
        header[16] = 2;
        header[18] = (byte) machine;
        return header;
    }

    private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream o = out;
        o.write(bytes);
        out.closeEntry();
    }
}
