package dev.evalops.infra;

import java.util.Map;

import dev.evalops.catalogue.Parameters;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.SecureStringParameterAttributes;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * {@code /evalops/<env>/safe-mode} and {@code /evalops/<env>/release-gate} with their initial values, and the
 * router key referenced only: CloudFormation cannot create a SecureString, and a key must never sit in a
 * template. The functions change the flags after deployment; CloudFormation rewrites a value only when its
 * initial value in the catalogue changes.
 */
public final class FlagParameters extends Construct {
    private final Map<String, IStringParameter> parameters;

    public FlagParameters(Construct scope, String id, String env) {
        super(scope, id);
        StringParameter safeMode = flag("SafeMode", Parameters.path(env, Parameters.SAFE_MODE), Parameters.SAFE_MODE_INITIAL,
                "EvalOps safe mode (route-only) for the router; drift-response turns it on, people turn it off");
        StringParameter releaseGate = flag("ReleaseGate", Parameters.path(env, Parameters.RELEASE_GATE), Parameters.RELEASE_GATE_INITIAL,
                "EvalOps release gate: open or blocked by a red smoke run or a person; deploy pipelines check it");
        IStringParameter routerKey = StringParameter.fromSecureStringParameterAttributes(this, "RouterApiKey",
                SecureStringParameterAttributes.builder().parameterName(Parameters.path(env, Parameters.ROUTER_API_KEY)).build());
        parameters = Map.of(Parameters.SAFE_MODE, safeMode, Parameters.RELEASE_GATE, releaseGate, Parameters.ROUTER_API_KEY, routerKey);
    }

    private StringParameter flag(String id, String name, String initial, String description) {
        return StringParameter.Builder.create(this, id).parameterName(name).description(description).stringValue(initial)
                .tier(ParameterTier.STANDARD).build();
    }

    public IStringParameter get(String name) {
        IStringParameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no EvalOps parameter '" + name + "' (known: " + parameters.keySet() + ")");
        }
        return p;
    }
}
