package dev.evalops.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.evalops.catalogue.FunctionSpec;
import software.amazon.awscdk.services.lambda.Architecture;

/**
 * A function's built {@code target/function.zip}, and which runtime it needs: a zip holding {@code bootstrap}
 * is a native build (provided.al2023, on the CPU the executable was built for); any other is the JVM build
 * (java21 with SnapStart, on arm64, which SnapStart supports and costs less).
 */
public record FunctionPackage(Path zip, boolean nativeImage, Architecture architecture) {
    /** The {@code e_machine} values of an ELF header that Lambda runs. */
    private static final int ELF_X86_64 = 0x3E;
    private static final int ELF_AARCH64 = 0xB7;

    /**
     * The packages of the catalogue functions whose module exists under {@code functionsDir} (a function is
     * deployed once its module has landed), in catalogue order.
     *
     * @throws IllegalStateException when a module has no zip yet, or a deployed function invokes one that is not deployed
     */
    public static Map<String, FunctionPackage> resolve(Path functionsDir, List<FunctionSpec> catalogue) {
        Map<String, FunctionPackage> packages = new LinkedHashMap<>();
        for (FunctionSpec spec : catalogue) {
            of(functionsDir.resolve(spec.name())).ifPresent(p -> packages.put(spec.name(), p));
        }
        for (FunctionSpec spec : catalogue) {
            if (packages.containsKey(spec.name())) {
                spec.needs().invokes().stream().filter(i -> !packages.containsKey(i.function())).findFirst().ifPresent(i -> {
                    throw new IllegalStateException(spec.name() + " invokes " + i.function() + ", which has no module under "
                            + functionsDir + ": deploy them together");
                });
            }
        }
        return Collections.unmodifiableMap(packages);
    }

    /** Empty when {@code module} has no pom.xml (the function has not landed in this checkout). */
    static Optional<FunctionPackage> of(Path module) {
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            return Optional.empty();
        }
        Path zip = module.resolve("target/function.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(module.getFileName() + ": " + zip + " is missing. Build the functions first, from the repo root: "
                    + "mvn -B package -DskipTests (JVM), or add -Dnative -Dquarkus.native.container-build=true (native)");
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry bootstrap = z.getEntry("bootstrap");
            if (bootstrap != null) {
                return Optional.of(new FunctionPackage(zip, true, nativeArchitecture(z, bootstrap, zip)));
            }
            boolean jars = z.stream().anyMatch(e -> e.getName().endsWith(".jar"));
            if (!jars) {
                throw new IllegalStateException(zip + " holds neither a native bootstrap nor jars: not a Quarkus Lambda package");
            }
            return Optional.of(new FunctionPackage(zip, false, Architecture.ARM_64));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip + " (rebuild it): " + e.getMessage(), e);
        }
    }

    /** The executable's CPU from its ELF header; a script bootstrap (no ELF) is taken as x86_64, Quarkus' default build. */
    private static Architecture nativeArchitecture(ZipFile z, ZipEntry bootstrap, Path zip) throws IOException {
        byte[] header;
        try (InputStream in = z.getInputStream(bootstrap)) {
            header = in.readNBytes(20);
        }
        boolean elf = header.length == 20 && header[0] == 0x7F && header[1] == 'E' && header[2] == 'L' && header[3] == 'F';
        if (!elf) {
            return Architecture.X86_64;
        }
        int machine = (header[18] & 0xFF) | (header[19] & 0xFF) << 8;
        return switch (machine) {
            case ELF_X86_64 -> Architecture.X86_64;
            case ELF_AARCH64 -> Architecture.ARM_64;
            default -> throw new IllegalStateException(zip + ": bootstrap is built for ELF machine 0x" + Integer.toHexString(machine)
                    + ", which Lambda cannot run (x86_64 or aarch64)");
        };
    }
}
