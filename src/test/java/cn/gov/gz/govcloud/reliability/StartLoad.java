package cn.gov.gz.govcloud.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP clients for a fixed time (the idea of the benchmarks' {@code HttpLoad}): each client sends its
 * next JSON POST when the previous answer has arrived. Bounded in clients and time by construction.
 */
final class StartLoad {

  /** Accepted answers (the expected status), the others, the time taken, latency percentiles of the accepted. */
  record Result(int ok, int failed, double seconds, long p50Millis, long p99Millis) {
    double rate() {
      return ok / seconds;
    }
  }

  private StartLoad() {}

  /** @param uri the address of the n-th request (n counts across all clients), e.g. alternating between nodes */
  static Result run(int clients, int seconds, IntFunction<String> uri, String authorization, String body,
      int expectedStatus) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicInteger sequence = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri.apply(sequence.getAndIncrement())))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (answer.statusCode() == expectedStatus) {
                latencies.add((System.nanoTime() - t0) / 1_000_000);
              } else if (failed.incrementAndGet() <= 3) {
                System.out.println("[load] HTTP " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
              }
            } catch (Exception e) {
              failed.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(sorted.size(), failed.get(), elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }
}
