package dev.evalops.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.catalogue.FunctionCatalogue;
import software.amazon.awscdk.services.lambda.Architecture;

class FunctionPackageTest {
    @TempDir
    Path dir;

    @Test
    void aFunctionWithoutAModuleIsNotDeployed() {
        assertThat(FunctionPackage.of(dir.resolve("smoke-eval"))).isEmpty();
        assertThat(FunctionPackage.resolve(dir, FunctionCatalogue.ALL)).isEmpty();
    }

    @Test
    void aModuleWithoutItsZipSaysToBuildFirst() throws IOException {
        Files.createDirectories(dir.resolve("smoke-eval"));
        Files.writeString(dir.resolve("smoke-eval/pom.xml"), "<project/>");
        assertThatThrownBy(() -> FunctionPackage.resolve(dir, FunctionCatalogue.ALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("smoke-eval")
                .hasMessageContaining("target/function.zip is missing")
                .hasMessageContaining("mvn -B package -DskipTests");
    }

    @Test
    void jarsMeanTheJvmRuntimeOnArm() {
        FunctionPackage p = FunctionPackage.of(StandIns.module(dir, "weekly-rollup", StandIns.Kind.JVM)).orElseThrow();
        assertThat(p.nativeImage()).isFalse();
        assertThat(p.architecture().getName()).isEqualTo(Architecture.ARM_64.getName());
        assertThat(p.zip()).endsWith(Path.of("weekly-rollup/target/function.zip"));
    }

    @Test
    void aBootstrapMeansNativeOnTheCpuItWasBuiltFor() {
        assertThat(FunctionPackage.of(StandIns.module(dir, "a", StandIns.Kind.NATIVE_X86_64)).orElseThrow())
                .satisfies(p -> assertThat(p.nativeImage()).isTrue())
                .satisfies(p -> assertThat(p.architecture().getName()).isEqualTo("x86_64"));
        assertThat(FunctionPackage.of(StandIns.module(dir, "b", StandIns.Kind.NATIVE_ARM64)).orElseThrow().architecture().getName())
                .isEqualTo("arm64");
        assertThat(FunctionPackage.of(StandIns.module(dir, "c", StandIns.Kind.NATIVE_SCRIPT)).orElseThrow().architecture().getName())
                .isEqualTo("x86_64");
    }

    @Test
    void aZipWithNeitherIsRefused() {
        Path module = StandIns.module(dir, "golden-set-eval", StandIns.Kind.EMPTY);
        assertThatThrownBy(() -> FunctionPackage.of(module)).hasMessageContaining("neither a native bootstrap nor jars");
    }

    @Test
    void driftResponseNeedsTheGoldenFunctionDeployedWithIt() {
        StandIns.module(dir, "drift-response", StandIns.Kind.JVM);
        assertThatThrownBy(() -> FunctionPackage.resolve(dir, FunctionCatalogue.ALL))
                .hasMessageContaining("drift-response invokes golden-set-eval");
        StandIns.module(dir, "golden-set-eval", StandIns.Kind.JVM);
        assertThat(FunctionPackage.resolve(dir, FunctionCatalogue.ALL)).containsOnlyKeys("golden-set-eval", "drift-response");
    }
}
