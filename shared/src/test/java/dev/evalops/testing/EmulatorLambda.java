package dev.evalops.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Lambda functions in the emulator, for tests of code that invokes them. moto's CreateFunction needs a role
 * Lambda can assume and a zip; without Docker an {@code Event} invoke is accepted (202) but nothing runs, so
 * what a test can check is the call itself: the function exists, the invoke is async, an unknown function fails.
 */
public final class EmulatorLambda {
    private static final String ROLE = "evalops-test-lambda";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private EmulatorLambda() {
    }

    public static LambdaClient client(AwsEmulator aws) {
        return LambdaClient.builder().endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Creates a (never-run) Java function named {@code name}, with the role it needs; returns its ARN. */
    public static String createFunction(AwsEmulator aws, String name) {
        String role;
        try (IamClient iam = IamClient.builder().endpointOverride(aws.endpoint()).region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .credentialsProvider(aws.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            try {
                role = iam.createRole(b -> b.roleName(ROLE).assumeRolePolicyDocument(TRUST)).role().arn();
            } catch (EntityAlreadyExistsException e) {
                role = iam.getRole(b -> b.roleName(ROLE)).role().arn();
            }
        }
        String roleArn = role;
        try (LambdaClient lambda = client(aws)) {
            return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).role(roleArn)
                    .handler("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(placeholderZip())))).functionArn();
        }
    }

    private static byte[] placeholderZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("placeholder: the emulator never runs this function".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
