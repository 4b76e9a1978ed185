package dev.evalops.functions.drift;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.HandlerResults;
import dev.evalops.drift.DriftResponse;
import dev.evalops.trigger.TriggerParser;

/** CloudWatch alarms (via EventBridge or as alarm action) and manual safe-mode actions: see README "drift-response". */
@Named("drift-response")
public class DriftResponseHandler implements RequestHandler<JsonNode, JsonNode> {
    @Inject
    DriftResponse drift;

    @Override
    public JsonNode handleRequest(JsonNode event, Context context) {
        return HandlerResults.toJson(drift.handle(TriggerParser.parse(event)));
    }
}
