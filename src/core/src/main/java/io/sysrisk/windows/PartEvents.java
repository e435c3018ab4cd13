package io.sysrisk.windows;

/**
 * What a part of the data holds to decide on: its positive windows, and its distinct events, the runs of positive
 * windows on consecutive days (a gap, a negative or a masked day ends a run). Neighbouring windows share all but one
 * day, so thirty positive windows before one fall are one piece of evidence, not thirty.
 */
public record PartEvents(int positives, int events) {

    public static final PartEvents NONE = new PartEvents(0, 0);

    /** One market's windows ending on {@code rows} (ascending), labelled by {@code labels}, indexed by row. */
    public static PartEvents ofRows(int[] rows, int[] labels) {
        int[] byWindow = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            byWindow[i] = labels[rows[i]];
        }
        return count(rows, byWindow);
    }

    /** One market's windows (a set that joins several markets could join two runs at a market boundary). */
    public static PartEvents of(WindowSet w) {
        return count(w.rows(), w.labels());
    }

    private static PartEvents count(int[] rows, int[] labelOfWindow) {
        int positives = 0;
        int events = 0;
        for (int i = 0; i < rows.length; i++) {
            if (labelOfWindow[i] == 1) {
                positives++;
                if (i == 0 || labelOfWindow[i - 1] != 1 || rows[i - 1] != rows[i] - 1) {
                    events++;
                }
            }
        }
        return new PartEvents(positives, events);
    }

    public PartEvents plus(PartEvents other) {
        return new PartEvents(positives + other.positives, events + other.events);
    }
}
