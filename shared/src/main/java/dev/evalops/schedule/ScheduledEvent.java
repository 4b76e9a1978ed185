package dev.evalops.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;

/**
 * The payload EventBridge delivers when a schedule rule fires (CONTRACTS §4), rendered for local runs so a
 * function cannot tell {@code ./evalops schedule} from the deployed rule.
 */
public final class ScheduledEvent {
    /** Region and account of events rendered outside AWS, recognisable as local. */
    public static final String LOCAL_REGION = "local";
    public static final String LOCAL_ACCOUNT = "000000000000";

    private ScheduledEvent() {
    }

    /** EventBridge stamps the scheduled minute, not the moment of delivery: seconds are dropped the same way. */
    public static ObjectNode render(ScheduledRun run, String env, Instant fireTime) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", LOCAL_ACCOUNT);
        event.put("time", fireTime.truncatedTo(ChronoUnit.MINUTES).toString());
        event.put("region", LOCAL_REGION);
        event.putArray("resources").add("arn:aws:events:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":rule/" + run.ruleName(env));
        event.putObject("detail");
        return event;
    }
}
