package dev.evalops.functions.golden;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.HandlerResults;
import dev.evalops.golden.GoldenEval;
import dev.evalops.trigger.TriggerParser;

/** golden-set-eval: schedule, {@code {"action":"run",...}} or {@code {"action":"promote-baseline",...}} → {@link GoldenEval}. */
@Named("golden-set-eval")
public class GoldenSetEvalHandler implements RequestHandler<JsonNode, JsonNode> {
    @Inject
    GoldenEval eval;

    @Override
    public JsonNode handleRequest(JsonNode event, Context context) {
        return HandlerResults.toJson(eval.handle(TriggerParser.parse(event)));
    }
}
