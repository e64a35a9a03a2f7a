package org.lracademy.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.lracademy.spec.InvalidSpecException;

/**
 * Reads an uploaded CSV into a {@link Dataset}: numeric columns separated by commas, the last one the
 * label or target, an optional header line whose fields are all non-numeric. A bad value is reported
 * with its line and column, counted from 1.
 */
public final class CsvTable {

    /** Uploads above this size are refused; the whole table is held in memory while it is read. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_ROWS = 200_000;
    /** Features plus the label column. */
    public static final int MAX_COLUMNS = 1_025;
    /** Classification labels must be integers in [0, MAX_CLASSES). */
    public static final int MAX_CLASSES = 1_000;

    private CsvTable() {
    }

    public static Dataset parse(String id, String description, Task task, String csv) {
        if (csv.length() > MAX_BYTES) {
            throw new InvalidSpecException("body", csv.length() + " characters", "must be at most " + MAX_BYTES
                    + " bytes of CSV");
        }
        List<float[]> rows = new ArrayList<>();
        int columns = -1;
        try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (rows.isEmpty() && columns < 0 && isHeader(fields)) {
                    columns = fields.length;
                    checkColumns(columns, lineNumber);
                    continue;
                }
                if (columns < 0) {
                    columns = fields.length;
                    checkColumns(columns, lineNumber);
                }
                if (fields.length != columns) {
                    throw bad(lineNumber, Math.min(fields.length, columns) + 1, line,
                            "must have " + columns + " columns like the first line, not " + fields.length);
                }
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidSpecException("body", "line " + lineNumber, "must hold at most " + MAX_ROWS
                            + " data rows");
                }
                rows.add(parseRow(fields, lineNumber, task));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.size() < 2) {
            throw new InvalidSpecException("body", rows.size() + " rows", "must hold at least 2 data rows");
        }
        return toDataset(id, description, task, rows, columns);
    }

    private static Dataset toDataset(String id, String description, Task task, List<float[]> rows, int columns) {
        int featureCount = columns - 1;
        float[] features = new float[rows.size() * featureCount];
        float[] targets = new float[rows.size()];
        int classes = 1;
        for (int r = 0; r < rows.size(); r++) {
            float[] row = rows.get(r);
            System.arraycopy(row, 0, features, r * featureCount, featureCount);
            targets[r] = row[featureCount];
            if (task == Task.CLASSIFICATION) {
                classes = Math.max(classes, (int) row[featureCount] + 1);
            }
        }
        if (task == Task.CLASSIFICATION && classes < 2) {
            throw new InvalidSpecException("body", "labels all 0", "a classification set needs at least 2 classes");
        }
        return new Dataset(id, description, task, rows.size(), featureCount, features, targets, classes);
    }

    private static float[] parseRow(String[] fields, int line, Task task) {
        float[] row = new float[fields.length];
        for (int c = 0; c < fields.length; c++) {
            String field = fields[c].trim();
            double value;
            try {
                value = Double.parseDouble(field);
            } catch (NumberFormatException e) {
                throw bad(line, c + 1, field, "must be a number");
            }
            if (!Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE) {
                throw bad(line, c + 1, field, "must be a finite number within float32 range");
            }
            boolean label = c == fields.length - 1;
            boolean classIndex = value == Math.rint(value) && value >= 0 && value < MAX_CLASSES;
            if (label && task == Task.CLASSIFICATION && !classIndex) {
                throw bad(line, c + 1, field, "must be a class label, an integer in [0, " + MAX_CLASSES + ")");
            }
            row[c] = (float) value;
        }
        return row;
    }

    private static boolean isHeader(String[] fields) {
        for (String field : fields) {
            try {
                Double.parseDouble(field.trim());
                return false;
            } catch (NumberFormatException e) {
                // A non-numeric field: keep looking, a header has no numbers at all.
            }
        }
        return true;
    }

    private static void checkColumns(int columns, int line) {
        if (columns < 2 || columns > MAX_COLUMNS) {
            throw bad(line, 1, columns + " columns", "must have between 2 and " + MAX_COLUMNS
                    + " columns: the features, then the label or target");
        }
    }

    private static InvalidSpecException bad(int line, int column, String value, String rule) {
        return new InvalidSpecException("body[line " + line + ", column " + column + "]", value, rule);
    }
}
