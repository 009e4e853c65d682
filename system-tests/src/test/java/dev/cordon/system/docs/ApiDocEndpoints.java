package dev.cordon.system.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Endpoints as the OpenAPI documents and docs/api.md name them, with path variables' names ignored. */
public final class ApiDocEndpoints {

    /** @param path a path template whose variables are all written {@code {}} */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {

        private static final Comparator<Endpoint> ORDER =
                Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method);

        static Endpoint of(String method, String template) {
            return new Endpoint(method.toUpperCase(), template.replaceAll("\\{[^}/]*}", "{}"));
        }

        boolean matches(String method, String concretePath) {
            String regex = Pattern.quote(path).replace("{}", "\\E[^/]+\\Q");
            return this.method.equals(method) && concretePath.matches(regex);
        }

        long variables() {
            return path.chars().filter(c -> c == '{').count();
        }

        @Override
        public int compareTo(Endpoint other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** A code span naming an endpoint in a table row: {@code `GET /api/machines/{id}`}, a query string allowed. */
    private static final Pattern LISTED = Pattern.compile("`(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/[^`?\\s]*)[^`]*`");

    private ApiDocEndpoints() {
    }

    public static Set<Endpoint> fromOpenApi(JsonNode document) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    endpoints.add(Endpoint.of(method, path.getKey()));
                }
            }
        }
        return endpoints;
    }

    /** The endpoint a concrete request is served by; literal segments win over variables, as in Spring MVC. */
    public static Optional<Endpoint> match(Set<Endpoint> endpoints, String method, String concretePath) {
        return endpoints.stream().filter(e -> e.matches(method, concretePath))
                .min(Comparator.comparingLong(Endpoint::variables));
    }

    /** Endpoints named in the tables of a markdown page. */
    public static Set<Endpoint> listed(String markdown) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (String line : markdown.lines().filter(l -> l.startsWith("|")).toList()) {
            Matcher m = LISTED.matcher(line);
            while (m.find()) {
                endpoints.add(Endpoint.of(m.group(1), m.group(2)));
            }
        }
        return endpoints;
    }
}
