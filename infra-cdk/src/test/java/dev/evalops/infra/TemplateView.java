package dev.evalops.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A synthesized template read as a person reads it: intrinsic functions rendered as text with CDK's hash
 * suffixes dropped ({@code {"Fn::GetAtt": ["AnalyticsBucketF3CB46A2", "Arn"]}} is {@code ${AnalyticsBucket.Arn}}),
 * and IAM policies flattened to one line per allowed action and resource.
 */
final class TemplateView {
    private final Map<String, Object> template;

    TemplateView(Map<String, Object> template) {
        this.template = template;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) template.get("Resources");
    }

    /** Logical ids of the resources of {@code type}, in template order. */
    List<String> ids(String type) {
        return resources().entrySet().stream().filter(e -> type.equals(e.getValue().get("Type"))).map(Map.Entry::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resources().get(logicalId).get("Properties");
    }

    /** The one resource of {@code type} whose property {@code key} renders as {@code value}. */
    String find(String type, String key, String value) {
        List<String> hits = ids(type).stream().filter(id -> value.equals(render(properties(id).get(key)))).toList();
        if (hits.size() != 1) {
            throw new AssertionError("expected one " + type + " with " + key + "=" + value + ", found " + hits);
        }
        return hits.get(0);
    }

    /** "Allow action resource [if condition]" for every statement of every policy attached to the role. */
    @SuppressWarnings("unchecked")
    Set<String> permissions(String roleLogicalId) {
        Set<String> lines = new TreeSet<>();
        for (String policy : ids("AWS::IAM::Policy")) {
            List<Object> roles = (List<Object>) properties(policy).get("Roles");
            if (roles.stream().noneMatch(r -> ("${" + strip(roleLogicalId) + "}").equals(render(r)))) {
                continue;
            }
            Map<String, Object> doc = (Map<String, Object>) properties(policy).get("PolicyDocument");
            for (Object s : (List<Object>) doc.get("Statement")) {
                Map<String, Object> st = (Map<String, Object>) s;
                String condition = st.containsKey("Condition") ? " if " + render(st.get("Condition")) : "";
                for (Object action : list(st.get("Action"))) {
                    for (Object resource : list(st.get("Resource"))) {
                        lines.add(st.get("Effect") + " " + action + " " + render(resource) + condition);
                    }
                }
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    /** Text of a template value: intrinsics as ${...}, maps as {k=v}, lists as [a, b]. */
    @SuppressWarnings("unchecked")
    static String render(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<String, Object> e = ((Map<String, Object>) m).entrySet().iterator().next();
            switch (e.getKey()) {
                case "Ref" -> {
                    return "${" + strip((String) e.getValue()) + "}";
                }
                case "Fn::GetAtt" -> {
                    List<Object> args = (List<Object>) e.getValue();
                    return "${" + strip((String) args.get(0)) + "." + args.get(1) + "}";
                }
                case "Fn::Join" -> {
                    List<Object> args = (List<Object>) e.getValue();
                    return ((List<Object>) args.get(1)).stream().map(TemplateView::render).collect(Collectors.joining((String) args.get(0)));
                }
                default -> {
                    // a plain one-key map (e.g. a condition operator)
                }
            }
        }
        if (value instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            ((Map<String, Object>) m).forEach((k, v) -> parts.add(k + "=" + render(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> l) {
            return "[" + l.stream().map(TemplateView::render).collect(Collectors.joining(", ")) + "]";
        }
        return String.valueOf(value);
    }

    /** CDK's logical ids end in an 8-hex-digit hash of the construct path; pseudo parameters have none. */
    static String strip(String logicalId) {
        return logicalId.matches(".*[0-9A-F]{8}") && !logicalId.startsWith("AWS::") ? logicalId.substring(0, logicalId.length() - 8) : logicalId;
    }
}
