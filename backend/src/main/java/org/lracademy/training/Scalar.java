package org.lracademy.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A float32 scalar tensor that lives as long as its training and is rewritten in place, so that a
 * changing hyperparameter (the learning rate, a bias correction) costs one native copy per step and
 * no allocation. Writes are skipped when the float value is unchanged.
 */
final class Scalar {

    private final PtNDArray tensor;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder());
    private float value;

    Scalar(PtNDManager manager, double initial) {
        value = (float) initial;
        tensor = (PtNDArray) manager.create(new float[] {value}, new Shape());
    }

    /** The tensor holding {@code newValue} rounded to float32, as PyTorch rounds a Python float. */
    PtNDArray of(double newValue) {
        float f = (float) newValue;
        if (Float.floatToRawIntBits(f) != Float.floatToRawIntBits(value)) {
            buffer.putFloat(0, f);
            JniUtils.set(tensor, buffer);
            value = f;
        }
        return tensor;
    }
}
