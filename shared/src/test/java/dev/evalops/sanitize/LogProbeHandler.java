package dev.evalops.sanitize;

import jakarta.inject.Named;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The one handler of shared's own Quarkus test application (the Lambda extension refuses to boot without one): it
 * logs its event the way a careless handler would, and fails on request, for SanitizingLogFilterQuarkusTest.
 * Kept out of the test-jar (shared/pom.xml), so function modules never see a second handler.
 */
@Named("log-probe")
public class LogProbeHandler implements RequestHandler<String, String> {
    private static final Logger LOG = Logger.getLogger(LogProbeHandler.class);

    @Override
    public String handleRequest(String ticketText, Context context) {
        LOG.infof("probe got ticket text: %s", ticketText);
        try {
            throw new IllegalArgumentException("cannot route: " + ticketText);
        } catch (IllegalArgumentException e) {
            LOG.error("probe failed", e);
        }
        return "ok";
    }
}
