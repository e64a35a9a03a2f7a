package org.lracademy.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded train/validation split. Classification splits each class separately (stratified), so both
 * parts keep the class proportions; both parts keep the rows in their original order.
 */
public record Split(Part train, Part validation) {

    /**
     * Rows of a data set, copied out in a chosen order.
     *
     * @param rows indices into the data set
     */
    public record Part(Dataset dataset, int[] rows) {

        public int size() {
            return rows.length;
        }

        /** The class labels of these rows, in order. */
        int[] labels() {
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = dataset.label(rows[i]);
            }
            return labels;
        }

        /**
         * Features and targets of {@code positions} (indices into this part), as tensors: features
         * {@code [n, f]} float32; targets {@code [n, 1]}, int64 class indices or float32 values.
         */
        PtNDArray[] tensors(int[] positions, int count, PtNDManager manager) {
            int width = dataset.featureCount();
            float[] features = new float[count * width];
            float[] source = dataset.features();
            for (int i = 0; i < count; i++) {
                System.arraycopy(source, rows[positions[i]] * width, features, i * width, width);
            }
            PtNDArray x = (PtNDArray) manager.create(features, new Shape(count, width));
            PtNDArray y;
            if (dataset.task() == Task.CLASSIFICATION) {
                long[] labels = new long[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = dataset.label(rows[positions[i]]);
                }
                y = (PtNDArray) manager.create(labels, new Shape(count, 1));
            } else {
                float[] targets = new float[count];
                for (int i = 0; i < count; i++) {
                    targets[i] = dataset.targets()[rows[positions[i]]];
                }
                y = (PtNDArray) manager.create(targets, new Shape(count, 1));
            }
            return new PtNDArray[] {x, y};
        }

        /** All rows in order. */
        PtNDArray[] tensors(PtNDManager manager) {
            int[] identity = new int[rows.length];
            Arrays.setAll(identity, i -> i);
            return tensors(identity, rows.length, manager);
        }
    }

    public static Split of(Dataset dataset, double validationFraction, long seed) {
        Random random = new Random(seed * 31 + 17);
        List<List<Integer>> groups = new ArrayList<>();
        if (dataset.task() == Task.CLASSIFICATION) {
            for (int c = 0; c < dataset.classes(); c++) {
                groups.add(new ArrayList<>());
            }
            for (int r = 0; r < dataset.rows(); r++) {
                groups.get(dataset.label(r)).add(r);
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < dataset.rows(); r++) {
                all.add(r);
            }
            groups.add(all);
        }
        List<Integer> validation = new ArrayList<>();
        List<Integer> train = new ArrayList<>();
        for (List<Integer> group : groups) {
            List<Integer> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            int held = (int) Math.round(group.size() * validationFraction);
            validation.addAll(shuffled.subList(0, held));
            train.addAll(shuffled.subList(held, shuffled.size()));
        }
        return new Split(new Part(dataset, sortedArray(train)), new Part(dataset, sortedArray(validation)));
    }

    private static int[] sortedArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
