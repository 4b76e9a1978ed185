package dev.evalops.functions.smoke;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.HandlerResults;
import dev.evalops.smoke.SmokeEval;
import dev.evalops.trigger.TriggerParser;

/** Schedule, {@code run} and the gate actions: see README "Smoke eval". A red night returns normally. */
@Named("smoke-eval")
public class SmokeEvalHandler implements RequestHandler<JsonNode, JsonNode> {
    @Inject
    SmokeEval eval;

    @Override
    public JsonNode handleRequest(JsonNode event, Context context) {
        return HandlerResults.toJson(eval.handle(TriggerParser.parse(event)));
    }
}
