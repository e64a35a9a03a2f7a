package org.lracademy.schedule;

import java.util.Locale;

/** What a cosine does once its annealing window is over. */
public enum AfterEnd {
    /** PyTorch and Hugging Face: the cosine goes on, so the rate rises again towards the base rate. */
    CONTINUE,
    /** timm and DJL: the rate stays where the annealing ended. */
    HOLD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AfterEnd of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
