package org.lracademy.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.lracademy.spec.InvalidSpecException;

/**
 * Every data set a training can name: the bundled digits, the lesson's generated line y = 2x + 1, and
 * uploaded CSV tables stored under {@code <data dir>/datasets} so that they survive a restart.
 */
public final class Datasets {

    public static final String DIGITS = "digits";
    public static final String LINE = "linear";
    /** Names of uploaded sets: lower case, digits, '-' and '_', starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    static final String DIGITS_DESCRIPTION = "Optical Recognition of Handwritten Digits, UCI Machine Learning "
            + "Repository, E. Alpaydin and C. Kaynak, 1998, CC BY 4.0. 1,797 images of 8x8 pixels, pixels scaled "
            + "from 0..16 to [0, 1], labels 0..9.";
    static final String LINE_DESCRIPTION = "The lesson's line y = 2x + 1 with x drawn from N(0, 1) and optional "
            + "Gaussian noise on y; dataset.size rows (default 100), dataset.noise the noise's standard deviation "
            + "(default 0), drawn from the training seed.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Map<String, Dataset> loaded = new ConcurrentHashMap<>();

    /** @param dataDir the product's data directory; uploads go to its {@code datasets} subfolder */
    public Datasets(Path dataDir) {
        this.directory = dataDir.resolve("datasets");
    }

    /** The data set a spec names, generated or loaded as needed. */
    public Dataset resolve(TrainingSpec.DatasetSpec spec, long seed) {
        if (LINE.equals(spec.name())) {
            int size = spec.size() == null ? 100 : spec.size();
            double noise = spec.noise() == null ? 0 : spec.noise();
            return line(size, noise, seed);
        }
        return find(spec.name()).orElseThrow(() -> new InvalidSpecException("dataset.name", spec.name(),
                "must name a known data set; GET /api/v1/datasets lists them"));
    }

    public Optional<Dataset> find(String name) {
        if (DIGITS.equals(name)) {
            return Optional.of(loaded.computeIfAbsent(DIGITS, k -> digits()));
        }
        if (name == null || !NAME.matcher(name).matches() || !Files.exists(csvPath(name))) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(name, this::load));
    }

    public boolean exists(String name) {
        return DIGITS.equals(name) || LINE.equals(name)
                || (NAME.matcher(name).matches() && Files.exists(csvPath(name)));
    }

    /** The built-in sets first, then the uploads by name. */
    public List<Dataset.Info> list() {
        List<Dataset.Info> all = new ArrayList<>();
        all.add(find(DIGITS).orElseThrow().info());
        all.add(new Dataset.Info(LINE, Task.REGRESSION.wireName(), 100, 1, null, LINE_DESCRIPTION));
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv"))
                        .sorted(Comparator.naturalOrder())
                        .map(f -> f.substring(0, f.length() - 4)).map(this::find).flatMap(Optional::stream)
                        .forEach(d -> all.add(d.info()));
            } catch (IOException e) {
                throw new UncheckedIOException("the data set folder " + directory + " could not be listed", e);
            }
        }
        return all;
    }

    /**
     * Checks and stores an uploaded table under {@code name}.
     *
     * @throws InvalidSpecException when the name or the table breaks a rule
     * @throws IllegalStateException when a data set of that name already exists
     */
    public Dataset store(String name, Task task, String csv) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSpecException("name", name, "must match " + NAME.pattern());
        }
        if (exists(name)) {
            throw new IllegalStateException("a data set named '" + name + "' exists already; choose another name");
        }
        Dataset dataset = CsvTable.parse(name, uploadDescription(task), task, csv);
        try {
            Files.createDirectories(directory);
            Files.writeString(metaPath(name), JSON.writeValueAsString(Map.of("task", task.wireName())));
            Files.writeString(csvPath(name), csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("the data set '" + name + "' could not be stored in " + directory, e);
        }
        loaded.put(name, dataset);
        return dataset;
    }

    private Dataset load(String name) {
        try {
            Task task = Task.valueOf(JSON.readTree(metaPath(name).toFile()).path("task").asText("classification")
                    .toUpperCase(java.util.Locale.ROOT));
            return CsvTable.parse(name, uploadDescription(task), task, Files.readString(csvPath(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("the stored data set '" + name + "' could not be read", e);
        }
    }

    private static String uploadDescription(Task task) {
        return "Uploaded CSV table for " + task.wireName() + "; the last column is the "
                + (task == Task.CLASSIFICATION ? "label." : "target.");
    }

    private Path csvPath(String name) {
        return directory.resolve(name + ".csv");
    }

    private Path metaPath(String name) {
        return directory.resolve(name + ".json");
    }

    /** The lesson's regression data: x ~ N(0, 1), y = 2x + 1 + noise * N(0, 1), from {@code seed}. */
    public static Dataset line(int size, double noise, long seed) {
        Random random = new Random(seed);
        float[] x = new float[size];
        float[] y = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextGaussian();
            y[i] = (float) (2.0 * x[i] + 1.0 + noise * random.nextGaussian());
        }
        return new Dataset(LINE, LINE_DESCRIPTION, Task.REGRESSION, size, 1, x, y, 1);
    }

    /** The bundled digits, pixels divided by 16. */
    public static Dataset digits() {
        try (InputStream raw = Datasets.class.getResourceAsStream("/data/digits.csv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("data/digits.csv.gz is missing from the class path");
            }
            String csv = new String(new GZIPInputStream(raw).readAllBytes(), StandardCharsets.US_ASCII);
            Dataset table = CsvTable.parse(DIGITS, DIGITS_DESCRIPTION, Task.CLASSIFICATION, csv);
            float[] pixels = table.features().clone();
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = pixels[i] / 16f;
            }
            return new Dataset(DIGITS, DIGITS_DESCRIPTION, Task.CLASSIFICATION, table.rows(), table.featureCount(),
                    pixels, table.targets(), table.classes());
        } catch (IOException e) {
            throw new UncheckedIOException("data/digits.csv.gz could not be read", e);
        }
    }
}
