package org.lracademy.rangetest;

import java.util.Map;

/** Derives the recommended range from the descent of a curve and the suggestions already made. */
final class RangeRule {

    private RangeRule() {
    }

    static SuggestedRange of(DescentWindow w, Map<String, Suggestion> suggestions) {
        if (!w.usable()) {
            return SuggestedRange.none(w.status);
        }
        int lower = w.start();
        String upperRule = "the rate with the lowest smoothed loss: beyond it the loss stops falling";
        if (w.min == w.hi) {
            upperRule += "; the loss was still falling at the last analysed point, so a sweep to a higher end_lr"
                    + " may find a higher bound";
        }
        Suggestion valley = suggestions.get(Suggestions.VALLEY);
        // Never below the lower bound: a cosine run starting under it would barely train at first.
        int cosine = Math.max(valley.index(), lower);
        return new SuggestedRange(
                bound(w, lower, "the first rate at which the smoothed loss has fallen by "
                        + Math.round(DescentWindow.START_DROP_FRACTION * 100)
                        + " % of its total drop: where it starts to fall"),
                bound(w, w.min, upperRule),
                bound(w, cosine, "the valley suggestion, about halfway down the longest fall of the loss: a peak"
                        + " rate for cosine annealing that leaves a margin below the upper bound"),
                null);
    }

    private static SuggestedRange.Bound bound(DescentWindow w, int i, String rule) {
        return new SuggestedRange.Bound(w.lrs[i], w.smoothed[i], rule);
    }
}
