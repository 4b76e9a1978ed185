package dev.evalops.router;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** The router's bearer key from its SSM SecureString. Errors name the parameter, never the value. */
public final class RouterApiKey {
    private RouterApiKey() {
    }

    public static String fromSsm(SsmClient ssm, String parameter) {
        String value;
        try {
            value = ssm.getParameter(b -> b.name(parameter).withDecryption(true)).parameter().value();
        } catch (ParameterNotFoundException e) {
            throw new IllegalStateException("router API key parameter " + parameter + " does not exist (evalops.router.api-key-parameter)", e);
        } catch (SdkException e) {
            throw new IllegalStateException("cannot read router API key parameter " + parameter + ": " + e.getMessage(), e);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("router API key parameter " + parameter + " is empty");
        }
        return value.strip();
    }
}
