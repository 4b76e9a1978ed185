package dev.evalops.catalogue;

/**
 * The SSM parameters under {@code /evalops/<env>/} (CONTRACTS §5). The stack creates the two flags with
 * these initial values (the same bytes the emulator setup writes) and only references the router key,
 * which an operator puts in as a SecureString.
 */
public final class Parameters {
    public static final String SAFE_MODE = "safe-mode";
    public static final String RELEASE_GATE = "release-gate";
    public static final String ROUTER_API_KEY = "router-api-key";

    public static final String SAFE_MODE_INITIAL = "{\"enabled\":false,\"reason\":\"initial\",\"set_by\":\"init\",\"alarms\":[],\"since\":null}";
    public static final String RELEASE_GATE_INITIAL = "{\"state\":\"open\",\"reason\":\"initial\",\"run_id\":null,\"set_by\":\"init\"}";

    private Parameters() {
    }

    /** {@code /evalops/<env>/<name>}. */
    public static String path(String env, String name) {
        return "/evalops/" + env + "/" + name;
    }
}
