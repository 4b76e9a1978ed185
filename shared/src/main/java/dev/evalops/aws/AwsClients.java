package dev.evalops.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import dev.evalops.config.EvalOpsConfig;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * CloudWatch and Lambda clients, produced like the Quarkiverse ones (no Quarkiverse extension for them
 * resolves here): url-connection HTTP client, endpoint override and region from {@code evalops.aws.*}.
 * Built lazily on first injection, so a local run never touches AWS.
 */
@ApplicationScoped
public class AwsClients {

    @Produces
    @ApplicationScoped
    CloudWatchClient cloudWatch(EvalOpsConfig config) {
        return configure(CloudWatchClient.builder(), config.aws()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    void closeCloudWatch(@Disposes CloudWatchClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    LambdaClient lambda(EvalOpsConfig config) {
        return configure(LambdaClient.builder(), config.aws()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    void closeLambda(@Disposes LambdaClient client) {
        client.close();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, EvalOpsConfig.Aws aws) {
        aws.endpointOverride().ifPresent(builder::endpointOverride);
        aws.region().map(Region::of).ifPresent(builder::region);
        return builder;
    }
}
