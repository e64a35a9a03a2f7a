package org.lracademy.training;

import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import java.util.Random;

/**
 * The batches of a training split, epoch after epoch: each epoch takes the rows in its order (the
 * spec's fixed order, or a fresh seeded permutation), cuts consecutive slices of the batch size and
 * drops the last partial one. Each epoch's rows are copied to one tensor, so a batch is a view.
 */
final class Batches implements AutoCloseable {

    /** Rows {@code [start, end)} of the current epoch's tensors. */
    record Batch(PtNDArray features, PtNDArray targets, long start, long end) {
    }

    private final Split.Part part;
    private final int batchSize;
    private final int[] fixedOrder;
    private final Random random;
    private final PtNDManager manager;
    private final int stepsPerEpoch;
    private PtNDArray[] epoch;
    private int position;
    private long epochs;

    /** @param order the order of every epoch, or null for a seeded permutation per epoch */
    Batches(Split.Part part, int batchSize, int[] order, long seed, PtNDManager manager) {
        this.part = part;
        this.batchSize = batchSize;
        this.fixedOrder = order;
        this.random = new Random(seed * 1_000_003L + 11);
        this.manager = manager;
        this.stepsPerEpoch = (order == null ? part.size() : order.length) / batchSize;
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " exceeds the rows of one epoch");
        }
    }

    int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** The next batch, starting a new epoch when the last one is used up. */
    Batch next() {
        if (epoch == null || position == stepsPerEpoch) {
            startEpoch();
        }
        long start = (long) position * batchSize;
        position++;
        return new Batch(epoch[0], epoch[1], start, start + batchSize);
    }

    /** Whether the batch just returned by {@link #next()} was the last of its epoch. */
    boolean epochComplete() {
        return position == stepsPerEpoch;
    }

    /** Epochs started so far. */
    long epochs() {
        return epochs;
    }

    private void startEpoch() {
        closeEpoch();
        int[] order = fixedOrder != null ? fixedOrder : permutation(part.size());
        epoch = part.tensors(order, stepsPerEpoch * batchSize, manager);
        position = 0;
        epochs++;
    }

    private int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private void closeEpoch() {
        if (epoch != null) {
            epoch[0].close();
            epoch[1].close();
        }
    }

    @Override
    public void close() {
        closeEpoch();
        epoch = null;
    }
}
