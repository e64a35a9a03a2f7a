package org.lracademy.frontend.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.Lesson.Experiment;
import org.lracademy.frontend.api.SubmittedJobs;
import org.lracademy.frontend.present.VariantList;

/** Trains the same model once per value of one setting and overlays the curves as they arrive. */
class ComparisonPanel extends ExperimentPanel {

    private final String key;
    private final TextField values = new TextField();
    private final Select<String> data = new Select<>();
    private final RunBoard board;

    ComparisonPanel(Backend backend, String owner, Experiment experiment, String key) {
        super(backend, owner, experiment, "Run the comparison");
        this.key = key;
        this.board = createBoard();
        configureValues();
        add(createControls(), problem, board);
    }

    private void configureValues() {
        values.setLabel(switch (key) {
            case "lrs" -> "Learning rates";
            case "dropouts" -> "Dropout probabilities";
            default -> "Initialisation schemes";
        });
        values.setHelperText("Separated by commas");
        values.setValue(VariantList.format(experiment.spec().path(key)));
        values.setWidthFull();
        values.setId(experiment.id() + "-values");
    }

    private FlexLayout createControls() {
        List<String> choices = experiment.dataLabels();
        data.setLabel("Data");
        data.setItems(choices);
        data.setVisible(!choices.isEmpty());
        data.setId(experiment.id() + "-data");
        if (!choices.isEmpty()) {
            data.setValue(choices.get(0));
        }
        data.setWidthFull();
        FlexLayout controls = new FlexLayout(data, values, run, status);
        controls.addClassName("academy-controls");
        return controls;
    }

    @Override
    protected void start() {
        ArrayNode chosen;
        try {
            chosen = VariantList.parse(values.getValue());
            values.setInvalid(false);
        } catch (IllegalArgumentException e) {
            values.setErrorMessage(e.getMessage());
            values.setInvalid(true);
            return;
        }
        ObjectNode body = (ObjectNode) (data.isEmpty() ? experiment.spec() : experiment.specFor(data.getValue()))
                .deepCopy();
        body.set(key, chosen);
        List<String> labels = RunBoard.labels(key, chosen);
        submit("comparisons", body, Map.of(key, values)).ifPresent(jobs -> {
            List<String> ids = jobs.stream().map(SubmittedJobs.Job::id).toList();
            if (ids.size() == 1 && chosen.size() > 1) {
                List<JsonNode> each = new ArrayList<>();
                chosen.forEach(each::add);
                board.followGroup(ids.get(0), key, each, labels);
            } else if (jobs.stream().noneMatch(j -> j.label().isBlank())) {
                // The backend labels each run, which covers comparisons over several lists at once.
                board.follow(ids, jobs.stream().map(SubmittedJobs.Job::label).toList());
            } else {
                board.follow(ids, labels);
            }
        });
    }
}
