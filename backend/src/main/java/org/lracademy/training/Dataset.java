package org.lracademy.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A table of numeric features with one label (classification) or target (regression) per row, held
 * in memory as float32 as the model will see it.
 *
 * @param id the name a training spec uses in {@code dataset.name}
 * @param description where the data comes from, with its attribution
 * @param features row-major, {@code rows * featureCount} values
 * @param targets one value per row: the class index for classification, the target for regression
 * @param classes the number of classes for classification, 1 for regression
 * @param checksum SHA-256 over the float32 values as trained on, so that a run records exactly which data it saw
 */
public record Dataset(String id, String description, Task task, int rows, int featureCount, float[] features,
        float[] targets, int classes, String checksum) {

    public Dataset {
        if (rows < 1 || featureCount < 1 || features.length != (long) rows * featureCount || targets.length != rows) {
            throw new IllegalArgumentException("a data set needs rows x features values and one target per row");
        }
    }

    /** A data set whose checksum is computed from its values. */
    public Dataset(String id, String description, Task task, int rows, int featureCount, float[] features,
            float[] targets, int classes) {
        this(id, description, task, rows, featureCount, features, targets, classes, checksum(features, targets));
    }

    private static String checksum(float[] features, float[] targets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(4 * (features.length + targets.length))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(features).put(targets);
            digest.update(buffer);
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The label of row {@code row} as a class index; only meaningful for classification. */
    public int label(int row) {
        return (int) targets[row];
    }

    /** A summary for listings, without the values. */
    public Info info() {
        return new Info(id, task.wireName(), rows, featureCount, task == Task.CLASSIFICATION ? classes : null,
                description);
    }

    /** A data set as {@code GET /datasets} lists it; {@code classes} only for classification. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Info(String id, String task, int rows, int features, Integer classes, String description) {
    }
}
