import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits 8 trainings on the digits (MLP 64-256-256-10, SGD with momentum, batches of 64, a given number of
 * epochs) at once and times them from the first submission until the last has ended, after three such batches
 * untimed. Prints one Markdown table row.
 *
 * <p>Arguments: the backend's base URL, the slot count it runs with (for the row), the round number, epochs.
 */
public final class SlotsBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");
    private static final int JOBS = 8;
    private static final int WARM_UP_BATCHES = 3;

    private static int epochs = 8;

    private static String spec(int seed) {
        return "{\"dataset\": {\"name\": \"digits\"}, \"model\": {\"type\": \"mlp\", \"hidden\": [256, 256]},"
                + " \"loss\": \"cross_entropy\", \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.05, \"momentum\": 0.9},"
                + " \"epochs\": " + epochs + ", \"batch_size\": 64, \"validation_split\": 0.2, \"seed\": " + seed + "}";
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        epochs = args.length > 3 ? Integer.parseInt(args[3]) : epochs;
        // Warm up until the JIT compilers have settled: on two cores, a compiler thread at work takes a core
        // from the trainings, and the service's code paths (HTTP, JSON, database, engine) take seconds to compile.
        for (int round = 0; round < WARM_UP_BATCHES; round++) {
            runBatch(base, 1000 * (round + 1));
        }
        double seconds = runBatch(base, 0);
        System.out.println(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.2f |", args[2], epochs, args[1], JOBS,
                seconds));
    }

    /** Submits the batch at once and answers the seconds until its last training has ended. */
    private static double runBatch(String base, int seedOffset) throws Exception {
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            ids.add(submit(base, spec(seedOffset + i)));
        }
        awaitAll(base, ids);
        return (System.nanoTime() - started) / 1e9;
    }

    private static String submit(String base, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/trainings"))
                .header("Content-Type", "application/json").header("X-Owner", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("submission answered " + answer.statusCode() + ": " + answer.body());
        }
        Matcher id = ID.matcher(answer.body());
        id.find();
        return id.group(1);
    }

    private static void awaitAll(String base, List<String> ids) throws Exception {
        for (String id : ids) {
            while (true) {
                String job = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + id))
                        .header("X-Owner", "bench").build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher state = STATE.matcher(job);
                state.find();
                if (state.group(1).equals("SUCCEEDED")) {
                    break;
                }
                if (!state.group(1).equals("QUEUED") && !state.group(1).equals("RUNNING")) {
                    throw new IllegalStateException("job " + id + " ended " + job);
                }
                Thread.sleep(50);
            }
        }
    }
}
