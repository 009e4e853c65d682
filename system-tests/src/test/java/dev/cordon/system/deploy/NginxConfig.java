package dev.cordon.system.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of nginx to answer "where does this request go": the directive tree, upstreams, {@code map}s on
 * {@code $request_method}, and nginx's location selection (exact, then the longest prefix unless it is
 * {@code ^~}, then regexes in order, else the longest prefix). A construct it does not model inside a location
 * ({@code if}, {@code rewrite}, nested locations...) fails the parse rather than being guessed at.
 */
final class NginxConfig {

    record Directive(String name, List<String> args, List<Directive> block) {

        List<Directive> all(String directiveName) {
            return block == null ? List.of() : block.stream().filter(d -> d.name.equals(directiveName)).toList();
        }

        Optional<Directive> first(String directiveName) {
            return all(directiveName).stream().findFirst();
        }

        String arg(int i) {
            return args.get(i);
        }
    }

    /** Where a request ends up: an upstream group, or an answer nginx gives itself. */
    record Target(String upstream, Integer returnStatus, Directive location) {
    }

    record Location(String modifier, String pattern, Directive directive) {
    }

    private static final Pattern TOKEN = Pattern.compile("'([^']*)'|\"([^\"]*)\"|([{};])|([^\\s{};'\"]+)");
    private static final Set<String> ROUTING_DIRECTIVES_NOT_MODELLED =
            Set.of("if", "rewrite", "try_files", "location", "error_page", "internal", "alias", "root");

    private final Directive http;

    private NginxConfig(Directive root) {
        this.http = root.first("http").orElseThrow(() -> new IllegalArgumentException("no http block"));
    }

    static NginxConfig parse(String text) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.lines().toList()) {
            withoutComments.append(stripComment(line)).append('\n');
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(withoutComments);
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                    : m.group(3) != null ? m.group(3) : m.group(4));
        }
        int[] position = {0};
        List<Directive> top = block(tokens, position);
        if (position[0] != tokens.size()) {
            throw new IllegalArgumentException("unbalanced braces in nginx.conf");
        }
        return new NginxConfig(new Directive("main", List.of(), top));
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == quote) {
                quoted = false;
            } else if (!quoted && (c == '\'' || c == '"')) {
                quoted = true;
                quote = c;
            } else if (!quoted && c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<Directive> block(List<String> tokens, int[] position) {
        List<Directive> directives = new ArrayList<>();
        while (position[0] < tokens.size()) {
            String name = tokens.get(position[0]++);
            if (name.equals("}")) {
                return directives;
            }
            List<String> args = new ArrayList<>();
            while (true) {
                if (position[0] >= tokens.size()) {
                    throw new IllegalArgumentException("directive '" + name + "' is not terminated");
                }
                String token = tokens.get(position[0]++);
                if (token.equals(";")) {
                    directives.add(new Directive(name, args, null));
                    break;
                }
                if (token.equals("{")) {
                    directives.add(new Directive(name, args, block(tokens, position)));
                    break;
                }
                args.add(token);
            }
        }
        return directives;
    }

    /** Upstream group name to its {@code host:port} servers. */
    Map<String, List<String>> upstreams() {
        Map<String, List<String>> upstreams = new LinkedHashMap<>();
        for (Directive upstream : http.all("upstream")) {
            upstreams.put(upstream.arg(0), upstream.all("server").stream().map(s -> s.arg(0)).toList());
        }
        return upstreams;
    }

    /** The server block listening on {@code port}. */
    Directive server(int port) {
        return http.all("server").stream()
                .filter(s -> s.all("listen").stream().anyMatch(l -> l.arg(0).equals(String.valueOf(port))
                        || l.arg(0).endsWith(":" + port)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server listens on " + port));
    }

    List<Integer> listenPorts() {
        return http.all("server").stream().flatMap(s -> s.all("listen").stream())
                .map(l -> Integer.parseInt(l.arg(0).replaceAll(".*:", ""))).toList();
    }

    static List<Location> locations(Directive server) {
        List<Location> locations = new ArrayList<>();
        for (Directive location : server.all("location")) {
            for (Directive inner : location.block()) {
                if (ROUTING_DIRECTIVES_NOT_MODELLED.contains(inner.name())) {
                    throw new IllegalArgumentException("location " + location.args() + " uses '" + inner.name()
                            + "', which this test's nginx model does not understand; keep routing to "
                            + "location + proxy_pass/return, or extend NginxConfig");
                }
            }
            boolean hasModifier = location.args().size() == 2;
            locations.add(new Location(hasModifier ? location.arg(0) : "", location.args().get(hasModifier ? 1 : 0),
                    location));
        }
        return locations;
    }

    /** nginx's choice of location for a normalised URI (the path, without the query string). */
    static Directive select(Directive server, String path) {
        List<Location> locations = locations(server);
        for (Location l : locations) {
            if (l.modifier().equals("=") && l.pattern().equals(path)) {
                return l.directive();
            }
        }
        Optional<Location> longestPrefix = locations.stream()
                .filter(l -> l.modifier().isEmpty() || l.modifier().equals("^~"))
                .filter(l -> path.startsWith(l.pattern()))
                .max(Comparator.comparingInt(l -> l.pattern().length()));
        if (longestPrefix.isPresent() && longestPrefix.get().modifier().equals("^~")) {
            return longestPrefix.get().directive();
        }
        for (Location l : locations) {
            if (l.modifier().equals("~") && Pattern.compile(l.pattern()).matcher(path).find()) {
                return l.directive();
            }
            if (l.modifier().equals("~*")
                    && Pattern.compile(l.pattern(), Pattern.CASE_INSENSITIVE).matcher(path).find()) {
                return l.directive();
            }
        }
        return longestPrefix.map(Location::directive).orElse(null);
    }

    /** Where {@code method path} goes through the server listening on {@code port}. */
    Target route(int port, String method, String path) {
        Directive location = select(server(port), path);
        if (location == null) {
            return new Target(null, 404, null);
        }
        Optional<Directive> returned = location.first("return");
        if (returned.isPresent()) {
            return new Target(null, Integer.parseInt(returned.get().arg(0)), location);
        }
        Directive proxyPass = location.first("proxy_pass")
                .orElseThrow(() -> new IllegalArgumentException("location " + location.args() + " neither proxies "
                        + "nor returns"));
        String target = proxyPass.arg(0).replaceFirst("^https?://", "");
        if (target.startsWith("$")) {
            target = mapped(target, "$request_method", method);
        }
        return new Target(target, null, location);
    }

    /** The value of a {@code map <source> <variable>} for the given source value (map's string match ignores case). */
    private String mapped(String variable, String source, String value) {
        Directive map = http.all("map").stream().filter(m -> m.arg(1).equals(variable)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("proxy_pass uses " + variable + ", which no map sets"));
        if (!map.arg(0).equals(source)) {
            throw new IllegalArgumentException(variable + " is mapped from " + map.arg(0) + "; this model only "
                    + "understands maps from " + source);
        }
        String fallback = null;
        for (Directive entry : map.block()) {
            if (entry.name().startsWith("~")) {
                throw new IllegalArgumentException("regex map entries are not modelled: " + entry.name());
            }
            if (entry.name().equals("default")) {
                fallback = entry.arg(0);
            } else if (entry.name().equalsIgnoreCase(value)) {
                return entry.arg(0);
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("map for " + variable + " has no default");
        }
        return fallback;
    }
}
