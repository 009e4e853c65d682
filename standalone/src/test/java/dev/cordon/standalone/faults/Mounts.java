package dev.cordon.standalone.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * File systems a test mounts (root only: a small tmpfs to fill, a read-only bind mount), all unmounted by
 * {@link #close()}, also after a failure.
 */
final class Mounts implements AutoCloseable {

    private final Deque<Path> mounted = new ArrayDeque<>();

    /** Whether this machine lets the test mount at all (root, and not a sandbox that forbids it). */
    static boolean permitted(Path scratch) {
        try (Mounts probe = new Mounts()) {
            probe.tmpfs(scratch, "1m");
            return true;
        } catch (IllegalStateException | IOException e) {
            return false;
        }
    }

    void tmpfs(Path at, String size) throws IOException {
        java.nio.file.Files.createDirectories(at);
        run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=700", "tmpfs", at.toString());
        mounted.push(at);
    }

    /** {@code at} shows {@code source}, read-only. */
    void readOnlyBind(Path source, Path at) throws IOException {
        java.nio.file.Files.createDirectories(at);
        run("mount", "--bind", source.toString(), at.toString());
        mounted.push(at);
        run("mount", "-o", "remount,bind,ro", at.toString());
    }

    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        while (!mounted.isEmpty()) {
            Path at = mounted.pop();
            try {
                run("umount", at.toString());
            } catch (IllegalStateException e) {
                try {
                    // Still busy (a child not yet gone): detached now, freed once the last file closes.
                    run("umount", "-l", at.toString());
                } catch (IllegalStateException again) {
                    failures.add(again.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not unmount: " + failures);
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": " + output.trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command));
        }
    }
}
