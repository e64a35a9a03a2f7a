package org.lracademy.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lracademy.jobs.JobService;
import org.lracademy.jobs.StoredEvent;

/**
 * Every {@code step} event of a job as CSV: a {@code seq} column, then one column per field in the order fields
 * first appear. A field a step lacks, or a non-finite loss sent as null, is an empty cell.
 */
final class StepCsv {

    private static final int PAGE = 5000;

    private StepCsv() {
    }

    static String of(String jobId, JobService jobs) {
        List<Long> seqs = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        long after = 0;
        List<StoredEvent> page;
        do {
            page = jobs.events(jobId, after, "step", PAGE);
            for (StoredEvent e : page) {
                JsonNode data = jobs.parse(e.data());
                data.fieldNames().forEachRemaining(columns::add);
                seqs.add(e.seq());
                rows.add(data);
                after = e.seq();
            }
        } while (page.size() == PAGE);
        StringBuilder csv = new StringBuilder("seq");
        columns.forEach(c -> csv.append(',').append(cell(c)));
        csv.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            csv.append(seqs.get(i));
            for (String column : columns) {
                JsonNode value = rows.get(i).get(column);
                csv.append(',');
                if (value != null && !value.isNull()) {
                    csv.append(cell(value.isValueNode() ? value.asText() : value.toString()));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String cell(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
