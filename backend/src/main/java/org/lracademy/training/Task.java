package org.lracademy.training;

import java.util.Locale;

/** What a data set's last column means. */
public enum Task {
    /** The last column is a class label 0..K-1; the loss is usually cross-entropy. */
    CLASSIFICATION,
    /** The last column is a real-valued target; the loss is usually mean squared error. */
    REGRESSION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
