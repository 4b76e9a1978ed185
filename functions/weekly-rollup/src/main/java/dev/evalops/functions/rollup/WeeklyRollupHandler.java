package dev.evalops.functions.rollup;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.HandlerResults;
import dev.evalops.rollup.WeeklyRollup;
import dev.evalops.trigger.TriggerParser;

/** Sunday 02:00 UTC schedule or a manual {@code {"action":"run", ...}}: see {@link dev.evalops.rollup.RollupRequest}. */
@Named("weekly-rollup")
public class WeeklyRollupHandler implements RequestHandler<JsonNode, JsonNode> {
    @Inject
    WeeklyRollup rollup;

    @Override
    public JsonNode handleRequest(JsonNode event, Context context) {
        return HandlerResults.toJson(rollup.handle(TriggerParser.parse(event)));
    }
}
