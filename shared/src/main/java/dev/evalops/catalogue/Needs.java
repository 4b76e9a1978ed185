package dev.evalops.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a function may touch, and nothing else: the stack turns it into the function's IAM policy
 * (CloudWatch PutMetricData into the EvalOps namespace comes with every function and is not listed).
 *
 * @param objects      key prefixes of the analytics bucket, e.g. {@code eval_runs/smoke/}
 * @param parameters   flag names under {@code /evalops/<env>/} (see {@link Parameters})
 * @param invokes      functions this one starts, each with the environment variable that carries its name
 * @param usesRouter   gets {@code EVALOPS_ROUTER_URL} and reads the router key
 * @param readsAlarms  reads the state of the EvalOps alarms
 */
public record Needs(List<Grant> objects, List<Grant> parameters, List<Invoke> invokes, boolean usesRouter, boolean readsAlarms) {
    public Needs {
        objects = List.copyOf(objects);
        parameters = List.copyOf(parameters);
        invokes = List.copyOf(invokes);
    }

    /** A prefix or parameter and the access to it. */
    public record Grant(String name, Access access) {
    }

    /** Asynchronous invocation of another catalogue function; {@code envVar} tells the caller its name. */
    public record Invoke(String function, String envVar) {
    }

    public static Needs none() {
        return new Needs(List.of(), List.of(), List.of(), false, false);
    }

    public Needs reads(String prefix) {
        return withObject(new Grant(requirePrefix(prefix), Access.READ));
    }

    public Needs readsWrites(String prefix) {
        return withObject(new Grant(requirePrefix(prefix), Access.READ_WRITE));
    }

    /** Write-once documents such as {@code decision_log/}: new keys only, no overwrite, no delete. */
    public Needs writesOnce(String prefix) {
        return withObject(new Grant(requirePrefix(prefix), Access.WRITE_ONCE));
    }

    public Needs readsFlag(String flag) {
        return withParameter(new Grant(flag, Access.READ));
    }

    public Needs readsWritesFlag(String flag) {
        return withParameter(new Grant(flag, Access.READ_WRITE));
    }

    /** The router URL plus read access to the router key parameter. */
    public Needs callsRouter() {
        return new Needs(objects, append(parameters, new Grant(Parameters.ROUTER_API_KEY, Access.READ)), invokes, true, readsAlarms);
    }

    public Needs invokes(String function, String envVar) {
        return new Needs(objects, parameters, append(invokes, new Invoke(function, envVar)), usesRouter, readsAlarms);
    }

    public Needs describesAlarms() {
        return new Needs(objects, parameters, invokes, usesRouter, true);
    }

    private Needs withObject(Grant g) {
        return new Needs(append(objects, g), parameters, invokes, usesRouter, readsAlarms);
    }

    private Needs withParameter(Grant g) {
        return new Needs(objects, append(parameters, g), invokes, usesRouter, readsAlarms);
    }

    private static String requirePrefix(String prefix) {
        if (!prefix.matches("([a-z0-9_]+/)+")) {
            throw new IllegalArgumentException("an S3 prefix is folder names each ending in '/', got: " + prefix);
        }
        return prefix;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
