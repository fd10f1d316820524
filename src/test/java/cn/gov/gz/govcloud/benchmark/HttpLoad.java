package cn.gov.gz.govcloud.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The load generator of the HTTP benchmarks and the cluster test: a fixed number of closed-loop clients on loopback, each sending its next
 * request when the previous answer has arrived, for a fixed time. Bounded in clients and time by construction.
 */
public final class HttpLoad {

  /** What a run did: answers accepted by the check, the others, the time taken, latency percentiles of the accepted. */
  public record Result(int ok, int failed, double seconds, long p50Micros, long p99Micros) {

    public double perSecond() {
      return ok / seconds;
    }
  }

  private HttpLoad() {}

  /**
   * @param request the n-th request of the run (n counts across all clients, from 0), or null to end the client
   * @param accepted whether an answer counts as done; the first three others are printed
   */
  public static Result run(String name, int clients, int seconds, IntFunction<HttpRequest> request,
      Predicate<HttpResponse<String>> accepted) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicInteger sequence = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          HttpRequest r = request.apply(sequence.getAndIncrement());
          if (r == null) {
            break; // nothing left to send (e.g. no task left to complete)
          }
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (accepted.test(answer)) {
              latencies.add((System.nanoTime() - t0) / 1000);
            } else if (failed.incrementAndGet() <= 3) {
              System.out.println(name + ": HTTP " + answer.statusCode() + " "
                  + answer.body().substring(0, Math.min(500, answer.body().length())));
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
    double elapsed = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(sorted.size(), failed.get(), elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  /** A JSON POST with HTTP Basic credentials. */
  public static HttpRequest post(String uri, String user, String password, String body, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  public static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }
}
