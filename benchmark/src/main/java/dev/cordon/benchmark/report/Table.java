package dev.cordon.benchmark.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The one table a run prints, in Markdown so that it can go into an issue or docs/performance.md as it is. */
public final class Table {

    private final List<Row> rows = new ArrayList<>();

    public void add(String figure, String result, String versus, Map<String, Double> cpuPerCommand) {
        rows.add(new Row(figure, result, versus, cpu(cpuPerCommand)));
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintStream out, String heading) {
        out.println();
        out.println(heading);
        out.println();
        out.println("| figure | result (median) | vs pgbench, same run | CPU per accepted command, by process |");
        out.println("|---|---|---|---|");
        for (Row row : rows) {
            out.println("| " + row.figure() + " | " + row.result() + " | " + row.versus() + " | " + row.cpu() + " |");
        }
        out.println();
    }

    private static String cpu(Map<String, Double> perRole) {
        if (perRole == null || perRole.isEmpty()) {
            return "-";
        }
        double total = perRole.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format(Locale.ROOT, "%.2f ms: ", total) + perRole.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private record Row(String figure, String result, String versus, String cpu) {
    }
}
