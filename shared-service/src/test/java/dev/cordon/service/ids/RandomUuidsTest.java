package dev.cordon.service.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    private static final Pattern VERSION_4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Test
    void next_isARandomVersion4Uuid_inItsUsualTextForm() {
        for (int i = 0; i < 1000; i++) {
            UUID id = RandomUuids.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.toString()).matches(VERSION_4);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        }
        assertThat(RandomUuids.nextString()).matches(VERSION_4);
    }

    @Test
    void next_neverRepeats_acrossThreads() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture<?>[] all = new CompletableFuture<?>[8];
            for (int t = 0; t < all.length; t++) {
                all[t] = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        ids.add(RandomUuids.nextString());
                    }
                }, threads);
            }
            CompletableFuture.allOf(all).get();
        } finally {
            threads.shutdown();
        }
        assertThat(ids).hasSize(200_000);
    }

    @Test
    void everyThread_hasAStrongGeneratorOfItsOwn() throws Exception {
        Set<SecureRandom> generators = new HashSet<>();
        generators.add(RandomUuids.generator());
        Thread other = new Thread(() -> {
            synchronized (generators) {
                generators.add(RandomUuids.generator());
            }
        });
        other.start();
        other.join();
        assertThat(RandomUuids.generator()).isSameAs(RandomUuids.generator());
        synchronized (generators) {
            assertThat(generators).hasSize(2).allSatisfy(g -> assertThat(g.getAlgorithm()).isEqualTo("DRBG"));
        }
    }
}
