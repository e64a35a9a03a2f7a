package org.lracademy.frontend.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lracademy.frontend.api.ApiProblem;
import org.lracademy.frontend.api.Backend;
import org.lracademy.frontend.api.BackendUnavailable;
import org.lracademy.frontend.api.Lesson.Experiment;
import org.lracademy.frontend.chart.LineChart;
import org.lracademy.frontend.present.VariantList;

/**
 * Trains the same model twice from the same start, at a constant rate and with cosine annealing from that rate,
 * and shows the schedule beside both loss curves.
 */
class CosinePanel extends ExperimentPanel {

    private final TextField lr = new TextField("Maximum learning rate");
    private final LineChart schedule = new LineChart(new LineChart.Axes("step", "learning rate", false, false));
    private final RunBoard board;

    CosinePanel(Backend backend, String owner, Experiment experiment) {
        super(backend, owner, experiment, "Train both");
        this.board = createBoard();
        configureLr();
        add(createControls(), problem, createCharts());
        drawSchedule(experiment.spec(), experiment.spec().path("optimizer").path("lr").asDouble(0.1), false);
    }

    /** Takes the rate a range test suggested and brings this experiment into view. */
    void useLr(double value) {
        lr.setValue(VariantList.number(value));
        scrollIntoView();
        lr.focus();
    }

    private void configureLr() {
        lr.setId("cosine-lr");
        lr.setValue(VariantList.number(experiment.spec().path("optimizer").path("lr").asDouble(0.1)));
        lr.setHelperText("Both runs start here; the cosine run anneals from it");
    }

    private FlexLayout createControls() {
        FlexLayout controls = new FlexLayout(lr, run, status);
        controls.addClassName("academy-controls");
        return controls;
    }

    private Div createCharts() {
        schedule.addClassName("academy-schedule-chart");
        Div charts = new Div(schedule, board);
        charts.addClassName("academy-cosine");
        return charts;
    }

    @Override
    protected void start() {
        double rate;
        try {
            rate = Double.parseDouble(lr.getValue().trim());
            lr.setInvalid(false);
        } catch (NumberFormatException e) {
            lr.setErrorMessage("'" + lr.getValue() + "' is not a number");
            lr.setInvalid(true);
            return;
        }
        ObjectNode cosine = experiment.spec().deepCopy();
        ((ObjectNode) cosine.path("optimizer")).put("lr", rate);
        ObjectNode constant = cosine.deepCopy();
        constant.remove("schedule");
        List<String> ids = new ArrayList<>();
        submit("trainings", constant, Map.of("optimizer.lr", lr)).ifPresent(jobs -> jobs.forEach(j -> ids.add(j.id())));
        if (ids.isEmpty()) {
            return;
        }
        submit("trainings", cosine, Map.of("optimizer.lr", lr)).ifPresent(jobs -> jobs.forEach(j -> ids.add(j.id())));
        String number = VariantList.number(rate);
        board.follow(ids, List.of("constant " + number, "cosine from " + number));
        drawSchedule(cosine, rate, true);
    }

    /** Draws the schedule both runs follow; a failure is shown only when {@code loud}, else the chart stays hidden. */
    private void drawSchedule(JsonNode spec, double rate, boolean loud) {
        ObjectNode body = spec.path("schedule").deepCopy();
        body.put("base_lr", rate);
        body.put("steps", body.path("params").path("T_max").asInt(200));
        try {
            JsonNode preview = backend.preview(owner, body);
            schedule.clear();
            schedule.addSeries("constant");
            schedule.addSeries("cosine annealing");
            List<Double> steps = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            List<Double> flat = new ArrayList<>();
            JsonNode values = preview.path("lr");
            for (int i = 0; i < values.size(); i++) {
                steps.add((double) i);
                rates.add(values.get(i).asDouble());
                flat.add(rate);
            }
            schedule.append(0, steps, flat);
            schedule.append(1, steps, rates);
            schedule.setVisible(true);
        } catch (ApiProblem | BackendUnavailable e) {
            schedule.setVisible(false);
            if (loud) {
                problem.show(e, Map.of());
            }
        }
    }
}
