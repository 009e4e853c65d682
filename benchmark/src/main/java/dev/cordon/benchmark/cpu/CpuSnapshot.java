package dev.cordon.benchmark.cpu;

import java.util.Map;

/** Each process's CPU ticks at one moment, with the role it plays. */
public record CpuSnapshot(Map<Long, Sample> byPid) {

    public record Sample(String role, long ticks) {
    }
}
