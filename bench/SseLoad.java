import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the job service over loopback: CLIENTS SSE readers follow one long job while SUBMITS_PER_S short jobs
 * are submitted every second for SECONDS. Checks that every reader got every event of the followed job, numbered
 * from 1 without gap or repeat, and that every submitted job succeeded. Needs a backend started with
 * academy.demo-kinds=true.
 *
 * Run: java bench/SseLoad.java [base-url] [clients] [submits-per-s] [seconds]
 */
public class SseLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int followedSteps = seconds * 20;

        String followed = submit(base, "bench-watch", "{\"steps\": " + followedSteps + ", \"step_ms\": 50}").id;
        ExecutorService readers = Executors.newFixedThreadPool(clients);
        List<Future<String>> reads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            reads.add(readers.submit(() -> follow(base, followed)));
        }

        List<String> submitted = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int n = 0; n < seconds * rate; n++) {
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String owner = "bench-" + (n % 10);
            submitters.execute(() -> {
                try {
                    Submitted s = submit(base, owner, "{\"steps\": 5, \"step_ms\": 10}");
                    latencies.add(s.nanos);
                    submitted.add(owner + " " + s.id);
                } catch (Exception e) {
                    errors.add("submit: " + e.getMessage());
                }
            });
        }
        submitters.shutdown();
        submitters.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        double submitSeconds = (System.nanoTime() - start) / 1e9;

        int complete = 0;
        for (Future<String> read : reads) {
            String outcome = read.get();
            if (outcome.startsWith("ok")) {
                complete++;
            } else {
                errors.add("reader: " + outcome);
            }
        }
        readers.shutdown();

        int succeeded = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        for (String entry : submitted) {
            String[] parts = entry.split(" ");
            String state = "";
            while (System.currentTimeMillis() < deadline) {
                state = state(base, parts[0], parts[1]);
                if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
                    break;
                }
                Thread.sleep(50);
            }
            if (state.equals("SUCCEEDED")) {
                succeeded++;
            } else {
                errors.add("job " + parts[1] + " ended " + state);
            }
        }

        Collections.sort(latencies);
        System.out.printf("followed job: %d steps; readers complete without gap or repeat: %d of %d%n",
                followedSteps, complete, clients);
        System.out.printf("submitted: %d in %.1f s (%.1f/s); succeeded: %d%n", submitted.size(), submitSeconds,
                submitted.size() / submitSeconds, succeeded);
        if (!latencies.isEmpty()) {
            System.out.printf("submit latency ms: p50 %.1f, p99 %.1f, max %.1f%n", pct(latencies, 0.5),
                    pct(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6);
        }
        System.out.println("errors: " + errors.size());
        errors.stream().limit(10).forEach(e -> System.out.println("  " + e));
        System.exit(errors.isEmpty() && complete == clients ? 0 : 1);
    }

    record Submitted(String id, long nanos) {
    }

    static Submitted submit(String base, String owner, String spec) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs?kind=sleep"))
                .header("Content-Type", "application/json").header("X-Owner", owner)
                .POST(HttpRequest.BodyPublishers.ofString(spec)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t0;
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        Matcher m = ID.matcher(r.body());
        m.find();
        return new Submitted(m.group(1), took);
    }

    static String state(String base, String owner, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + id))
                .header("X-Owner", owner).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = STATE.matcher(r.body());
        return m.find() ? m.group(1) : "status " + r.statusCode();
    }

    /** Reads the whole stream; "ok N" when ids ran 1..N and the last event is a final state. */
    static String follow(String base, String job) {
        try {
            HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/"
                    + job + "/events")).header("X-Owner", "bench-watch").header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            long expected = 1;
            String lastData = "";
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("id:")) {
                        long id = Long.parseLong(line.substring(3).trim());
                        if (id != expected) {
                            return "expected event " + expected + " but got " + id;
                        }
                        expected++;
                    } else if (line.startsWith("data:")) {
                        lastData = line;
                    }
                }
            }
            return lastData.contains("SUCCEEDED") ? "ok " + (expected - 1) : "stream ended at " + lastData;
        } catch (Exception e) {
            return e.toString();
        }
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}
