package dev.evalops.drift;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@code Invoke} with {@code InvocationType=Event}: Lambda queues the golden run and answers 202 at once, so a
 * long golden run never counts against the drift function's timeout, and Lambda's own async retries cover a
 * golden run that crashes.
 */
public final class LambdaGoldenHarness implements GoldenHarness {
    private final LambdaClient lambda;
    private final String function;
    private final Clock clock;

    public LambdaGoldenHarness(LambdaClient lambda, String function, Clock clock) {
        this.lambda = lambda;
        this.function = function;
        this.clock = clock;
    }

    /** The golden-set-eval function's manual trigger. */
    static String payload(String goldenVersion, String reason) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("action", "run");
        event.put("goldenVersion", goldenVersion);
        event.put("reason", reason);
        return event.toString();
    }

    @Override
    public HarnessStart start(String goldenVersion, String reason) {
        Instant at = clock.instant();
        InvokeResponse response;
        try {
            response = lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(payload(goldenVersion, reason))));
        } catch (SdkException e) {
            throw new IllegalStateException("could not start the golden-set run: Lambda Invoke (Event) of " + function
                    + " failed: " + e.getMessage(), e);
        }
        if (response.statusCode() == null || response.statusCode() != 202) {
            throw new IllegalStateException("could not start the golden-set run: Lambda Invoke (Event) of " + function
                    + " answered status " + response.statusCode() + " instead of 202");
        }
        return new HarnessStart(true, "lambda-async", function, reason, at, response.responseMetadata().requestId(),
                null, null, null, null);
    }
}
